import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** What docker/nginx.conf serves precompressed: the bundles, the styles and the translations. */
export const PRECOMPRESSED = /\.(?:js|css|json)$/;
/** Below this, compression gains less than it costs (the same threshold as nginx's gzip_min_length). */
const MIN_BYTES = 512;

/** Whether `<path>.br` and `<path>.gz` are there and no older than the file (a rebuilt translations file is not). */
export function precompressedFresh(path: string): boolean {
  const source = statSync(path).mtimeMs;
  return ['.br', '.gz'].every((suffix) => {
    try {
      return statSync(`${path}${suffix}`).mtimeMs >= source;
    } catch {
      return false;
    }
  });
}

/**
 * V8's explicit compile hint (https://v8.dev/blog/explicit-compile-hints): a script that starts with it has
 * all its functions compiled while it downloads, on a background thread, instead of each one on the main
 * thread at its first call — which, for the start-up code, is in the middle of the first screen's tasks.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * Puts the compile hint at the top of every script of the built client: each one is loaded when the page
 * needs it (main at start, a page's chunks when it opens), and then nearly all its code runs (the framework's
 * and the components' definitions, the templates of the page being drawn). Their source maps are shifted by
 * the line it adds. Idempotent; returns the files changed.
 */
export function addCompileHints(dir: string): string[] {
  // A script index.html names with a Subresource Integrity hash must stay byte for byte what the build wrote.
  const indexPath = join(dir, 'index.html');
  const index = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : '';
  const pinned = new Set(
    [...index.matchAll(/<(?:script|link)\b[^>]*\sintegrity=[^>]*>/g)].flatMap((tag) => [...tag[0].matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => m[1])),
  );
  const scripts = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((entry) => entry.endsWith('.js') && !pinned.has(entry));
  const done: string[] = [];
  for (const script of scripts) {
    const path = join(dir, script);
    if (!existsSync(path)) continue;
    const code = readFileSync(path, 'utf8');
    if (code.startsWith(COMPILE_HINT)) continue;
    writeFileSync(path, COMPILE_HINT + code);
    const mapPath = `${path}.map`;
    if (existsSync(mapPath)) {
      const map = JSON.parse(readFileSync(mapPath, 'utf8')) as { mappings: string };
      map.mappings = `;${map.mappings}`;
      writeFileSync(mapPath, JSON.stringify(map));
    }
    done.push(script);
  }
  return done;
}

/**
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip 9) beside every JavaScript, CSS and JSON
 * file of the built client, for nginx to send as they are (docker/nginx.conf: brotli by try_files, gzip
 * by gzip_static) and npm start's web server as well (web-server.ts) — the best compression, once, instead
 * of a lighter one at every request. Files whose .br and .gz are already fresh are left as they are.
 * Returns the files compressed. Run by docker/web.Dockerfile after `nx build web`, and by serveWeb at start;
 * the start-up scripts get their compile hint first (addCompileHints).
 */
export function precompress(dir: string): string[] {
  addCompileHints(dir);
  const done: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, entry);
    if (!PRECOMPRESSED.test(entry) || !statSync(path).isFile()) continue;
    const content = readFileSync(path);
    if (content.length < MIN_BYTES || precompressedFresh(path)) continue;
    writeFileSync(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
    writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
    done.push(entry);
  }
  return done;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: tsx tools/stack/precompress.ts <built client folder>');
    process.exit(2);
  }
  console.log(`precompressed ${precompress(dir).length} files in ${dir} (.br and .gz)`);
}
