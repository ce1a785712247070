import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { serveWeb } from './web-server';
import { COMPILE_HINT } from './precompress';

/**
 * The web server npm start runs, in front of a folder shaped like the built client and a small upstream
 * standing for the API: what it compresses, with which encoding, and what it leaves alone.
 */
describe('serveWeb (npm start’s web server) in front of a client folder and an upstream standing for the API', () => {
  let dir: string;
  let upstream: Server;
  let web: Server;
  let base: string;
  // Large enough to be worth compressing, repetitive like real bundles.
  const script = `export const labels = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ id: i, label: `Libellé ${i}` })))};\n`;
  const apiBody = JSON.stringify({ items: Array.from({ length: 300 }, (_, i) => ({ id: i, name: `Startup ${i}`, sector: 'foodtech' })) });
  const translations = JSON.stringify({ board: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`key${i}`, `Texte ${i}`])) });
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4000, 7)]);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'incubator-web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Incubateur</title><app-root></app-root>');
    writeFileSync(join(dir, 'main-ABC123.js'), script);
    writeFileSync(join(dir, 'chunk-TINY.js'), 'export const a = 1;\n');
    writeFileSync(join(dir, 'logo.png'), png);
    // Translations rebuilt since their .br was written (an older build's): compressed again at start.
    mkdirSync(join(dir, 'i18n'));
    writeFileSync(join(dir, 'i18n', 'fr.json'), translations);
    writeFileSync(join(dir, 'i18n', 'fr.json.br'), brotliCompressSync('{"stale":true}'));
    writeFileSync(join(dir, 'i18n', 'fr.json.gz'), gzipSync('{"stale":true}'));
    const past = new Date(Date.now() - 3_600_000);
    utimesSync(join(dir, 'i18n', 'fr.json.br'), past, past);
    utimesSync(join(dir, 'i18n', 'fr.json.gz'), past, past);
    // Like the API (express): JSON with its Content-Length.
    upstream = createServer((req, res) => {
      const [status, body] = req.url === '/api/startups' ? [200, apiBody] : [404, '{"code":"not_found"}'];
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const apiUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    web = await serveWeb({ dir, apiUrl, port: 0 });
    base = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => web?.close(resolve));
    await new Promise((resolve) => upstream?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a built JavaScript file in brotli when the browser accepts it, gzip otherwise', async () => {
    const br = await get('/main-ABC123.js', 'gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(br.body.length).toBeLessThan(script.length / 4);
    // Served as precompress left it: with V8's compile hint first.
    expect(brotliDecompressSync(br.body).toString()).toBe(COMPILE_HINT + script);

    const gzip = await get('/main-ABC123.js', 'gzip, deflate');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(COMPILE_HINT + script);

    const plain = await get('/main-ABC123.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(COMPILE_HINT + script);
  });

  it('sends the .br and .gz written once at start (brotli 11, gzip 9), not a per-request compression; rewritten when the file is newer', async () => {
    const br = await get('/main-ABC123.js', 'br, gzip');
    expect(br.body.equals(readFileSync(join(dir, 'main-ABC123.js.br')))).toBe(true);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=3600');
    const gzip = await get('/main-ABC123.js', 'gzip');
    expect(gzip.body.equals(readFileSync(join(dir, 'main-ABC123.js.gz')))).toBe(true);

    const fr = await get('/i18n/fr.json', 'br');
    expect(fr.headers['content-type']).toMatch(/application\/json/);
    expect(fr.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(fr.body).toString()).toBe(translations);
    // Outside the client's folder: nothing.
    expect((await get('/..%2F..%2Fetc%2Fpasswd.json', 'br')).headers['content-encoding']).toBeUndefined();
  });

  it('compresses the API’s JSON answers it proxies, per Accept-Encoding', async () => {
    const br = await get('/api/startups', 'br, gzip');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.body).toString())).toEqual(JSON.parse(apiBody));

    const gzip = await get('/api/startups', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(apiBody);
  });

  it('leaves images and files under 1 kB uncompressed', async () => {
    const image = await get('/logo.png', 'br, gzip');
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.body.equals(png)).toBe(true);

    const tiny = await get('/chunk-TINY.js', 'br, gzip');
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe(`${COMPILE_HINT}export const a = 1;\n`);

    const small = await get('/api/unknown', 'br, gzip');
    expect(small.status).toBe(404);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('still answers client routes with index.html', async () => {
    const route = await get('/board/2026-Q3', 'identity');
    expect(route.status).toBe(200);
    expect(route.body.toString()).toContain('<app-root>');
  });

  /** A raw GET (fetch would decode the body and hide what was sent). */
  function get(path: string, acceptEncoding: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const req = request(`${base}${path}`, { headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  }
});
