import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip 9) beside every JavaScript, CSS and JSON
 * file of the built client, for nginx to send as they are (docker/nginx.conf: brotli by try_files, gzip
 * by gzip_static) and npm start's web server as well (web-server.ts) — the best compression, once, instead
 * of a lighter one at every request. Files whose .br and .gz are already fresh are left as they are.
 * Returns the files compressed. Run by docker/web.Dockerfile after `nx build web`, and by serveWeb at start.
 */
export function precompress(dir: string): string[] {
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
