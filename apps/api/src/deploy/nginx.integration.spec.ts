import type { NestExpressApplication } from '@nestjs/platform-express';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { request, type IncomingHttpHeaders } from 'node:http';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestApi, unusedPort } from '../test/test-app';

const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
const NGINX = '/usr/sbin/nginx';
const WEB_DIR = join(WORKSPACE_ROOT, 'dist/apps/web/browser');
const MB = 1024 * 1024;

/**
 * docker/nginx.conf, run by Debian's nginx exactly as written except for three literals (port, root,
 * API address), in front of the built web client — precompressed as docker/web.Dockerfile does it — and the
 * real API: the headers a browser relies on, compression (brotli and gzip), the single-page app's routes,
 * /api proxying and the body limit the imports need.
 */
describe('docker/nginx.conf in front of the web client and the API (real nginx)', () => {
  let api: NestExpressApplication;
  let nginx: ChildProcess;
  let prefix: string;
  let web: string;
  let apiOrigin: string;
  let html: string;
  let errors = '';

  beforeAll(async () => {
    if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: sudo apt-get install -y nginx (bash .ci/run installs it)`);
    // The same build as npm start's and the e2e tier's (Nx caches it for them).
    execFileSync('npx', ['nx', 'build', 'web', '--output-style=static'], { cwd: WORKSPACE_ROOT, stdio: 'ignore', env: { ...process.env, NX_DAEMON: 'false' } });
    const started = await startTestApi();
    api = started.app;
    prefix = mkdtempSync(join(tmpdir(), 'incubator-nginx-'));
    // A copy of the build, precompressed by the Dockerfile's own command (the build's folder stays as Nx made it).
    html = join(prefix, 'html');
    cpSync(WEB_DIR, html, { recursive: true });
    execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tools/stack/precompress.ts', html], { cwd: WORKSPACE_ROOT, stdio: 'ignore' });
    const port = await unusedPort();
    web = `http://127.0.0.1:${port}`;
    apiOrigin = new URL(started.url).origin;
    writeFileSync(join(prefix, 'nginx.conf'), mainConfig(prefix, serverConfig(port, apiOrigin, html)));
    nginx = await startNginx(prefix, web, (text) => (errors += text));
  }, 240_000);

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx.once('exit', resolve));
      nginx.kill('SIGQUIT');
      await exited;
    }
    await api?.close();
    if (prefix) rmSync(prefix, { recursive: true, force: true });
  });

  const gzipped = { 'Accept-Encoding': 'gzip' };

  it('sends the security headers with the client, once each, and on the API answers too', async () => {
    for (const path of ['/', '/api/health', '/no-such-file.js']) {
      const response = await fetch(`${web}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('server')).toBe('nginx'); // no version
    }
  });

  it('allows the built client: its inline event handlers by hash, and no inline script at all', async () => {
    const index = readFileSync(join(WEB_DIR, 'index.html'), 'utf8');
    const csp = (await fetch(`${web}/`)).headers.get('content-security-policy') ?? '';
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1].split(' ') ?? [];
    const handlers = [...index.matchAll(/\son[a-z]+="([^"]*)"/g)].map(([, code]) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`);
    expect(handlers.filter((hash) => !scriptSrc.includes(hash))).toEqual([]);
    if (handlers.length) expect(scriptSrc).toContain("'unsafe-hashes'");
    expect(index).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });

  it('serves index.html for client routes and revalidates it; hashed bundles are cached for good', async () => {
    const index = readFileSync(join(WEB_DIR, 'index.html'), 'utf8');
    for (const route of ['/', '/manage/anything', '/board/2026-Q1']) {
      const response = await fetch(`${web}${route}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(index);
    }
    const script = mainScript(index);
    const bundle = await fetch(`${web}/${script}`, { headers: gzipped });
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('compresses JavaScript, CSS and JSON, the API answers included', async () => {
    const index = readFileSync(join(WEB_DIR, 'index.html'), 'utf8');
    const stylesheet = /href="([^"]+\.css)"/.exec(index)?.[1];
    const paths = [`/${mainScript(index)}`, '/i18n/fr.json', '/api/docs-json', ...(stylesheet ? [`/${stylesheet}`] : [])];
    for (const path of paths) {
      const response = await fetch(`${web}${path}`, { headers: gzipped });
      expect({ path, status: response.status, encoding: response.headers.get('content-encoding') }).toEqual({ path, status: 200, encoding: 'gzip' });
      expect(response.headers.get('vary')).toMatch(/Accept-Encoding/i);
    }
  });

  it('sends the precompressed brotli files to a browser that accepts brotli, the gzip ones otherwise', async () => {
    const index = readFileSync(join(WEB_DIR, 'index.html'), 'utf8');
    const stylesheet = /href="([^"]+\.css)"/.exec(index)?.[1];
    const files = [
      { path: `/${mainScript(index)}`, type: 'application/javascript' },
      { path: '/i18n/fr.json', type: 'application/json' },
      ...(stylesheet ? [{ path: `/${stylesheet}`, type: 'text/css' }] : []),
    ];
    for (const { path, type } of files) {
      // What nginx serves: the precompressed copy, its scripts with V8's compile hint first (precompress.ts).
      const original = readFileSync(join(html, path));
      if (type === 'application/javascript') expect(original.toString('utf8', 0, 40)).toMatch(/^\/\/# allFunctionsCalledOnLoad\n/);
      const br = await raw(`${web}${path}`, 'gzip, deflate, br, zstd');
      expect({ path, status: br.status, type: br.headers['content-type'], encoding: br.headers['content-encoding'] }).toEqual({ path, status: 200, type, encoding: 'br' });
      expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(brotliDecompressSync(br.body).equals(original)).toBe(true);
      expect(br.body.length).toBeLessThan(original.length / 2);

      const gzip = await raw(`${web}${path}`, 'gzip');
      expect({ path, type: gzip.headers['content-type'], encoding: gzip.headers['content-encoding'] }).toEqual({ path, type, encoding: 'gzip' });
      expect(gunzipSync(gzip.body).equals(original)).toBe(true);

      const plain = await raw(`${web}${path}`, 'identity');
      expect({ path, type: plain.headers['content-type'], encoding: plain.headers['content-encoding'] }).toEqual({ path, type, encoding: undefined });
      expect(plain.body.equals(original)).toBe(true);
    }
    const bundle = await raw(`${web}/${mainScript(index)}`, 'br');
    expect(bundle.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('compresses the API’s JSON with gzip, and leaves images alone', async () => {
    const api = await raw(`${web}/api/docs-json`, 'br, gzip');
    expect(api.status).toBe(200);
    expect(api.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(api.body).toString())).toHaveProperty('openapi');
    const icon = await raw(`${web}/favicon.ico`, 'br, gzip');
    expect(icon.status).toBe(200);
    expect(icon.headers['content-encoding']).toBeUndefined();
    expect(icon.body.equals(readFileSync(join(WEB_DIR, 'favicon.ico')))).toBe(true);
  });

  it('passes /api to the API, which keeps its own caching policy', async () => {
    const response = await fetch(`${web}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
    expect(response.headers.get('x-request-id')).toBeTruthy();
    const direct = await fetch(`${apiOrigin}/api/health`);
    expect(response.headers.get('cache-control')).toBe(direct.headers.get('cache-control'));
  });

  it('lets a 2 MB CSV import through to the API and refuses 3 MB itself', async () => {
    const csv = (bytes: number) => `startup,period,headcount\n${'x'.repeat(bytes - 26)}\n`;
    const post = (body: string) => fetch(`${web}/api/kpi-reports/import`, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body });
    const fits = await post(csv(2 * MB));
    expect(fits.status).toBe(401); // read whole by the API, then refused: no token
    expect(fits.headers.get('content-type')).toContain('application/json');
    const tooBig = await post(csv(3 * MB));
    expect(tooBig.status).toBe(413);
    expect(await tooBig.text()).toContain('nginx');
    expect(errors).not.toMatch(/\[emerg\]/);
  });
});

/** The file as committed, with the port, the client's folder and the API's address of this run. */
function serverConfig(port: number, apiOrigin: string, html: string): string {
  const committed = readFileSync(join(WORKSPACE_ROOT, 'docker/nginx.conf'), 'utf8');
  const replaced = committed
    .replace('listen 8080;', `listen 127.0.0.1:${port};`)
    .replace('root /usr/share/nginx/html;', `root ${html};`)
    .replace('proxy_pass http://api:3000;', `proxy_pass ${apiOrigin};`);
  for (const literal of [`listen 127.0.0.1:${port};`, `root ${html};`, `proxy_pass ${apiOrigin};`]) {
    if (!replaced.includes(literal)) throw new Error(`docker/nginx.conf changed: could not set "${literal}"`);
  }
  return replaced;
}

/** What the nginx image's own nginx.conf provides around conf.d/, with every file in the temp prefix. */
function mainConfig(prefix: string, server: string): string {
  for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(prefix, dir));
  // master_process off: one process as the current user, which can read the client even in a checkout
  // closed to others (nginx's workers would otherwise run as `nobody`).
  return `daemon off;
master_process off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  access_log ${prefix}/access.log;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
${server}
}
`;
}

/** Starts nginx and resolves once it answers; fails at once if it exits (a bad configuration) first. */
async function startNginx(prefix: string, url: string, onError: (text: string) => void): Promise<ChildProcess> {
  const child = spawn(NGINX, ['-p', prefix, '-e', join(prefix, 'error.log'), '-c', join(prefix, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    onError(chunk.toString());
  });
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${output}${readLog(prefix)}`);
    if (await fetch(`${url}/`).then((r) => r.ok, () => false)) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`nginx did not answer within 10 s:\n${output}${readLog(prefix)}`);
}

const readLog = (prefix: string) => (existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : '');

function mainScript(index: string): string {
  const script = /src="(main[^"]*\.js)"/.exec(index)?.[1];
  if (!script) throw new Error('index.html names no main-*.js bundle');
  return script;
}

/** A GET whose body stays as sent (fetch would decode it and hide the encoding). */
function raw(url: string, acceptEncoding: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
