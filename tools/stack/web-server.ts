import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { constants } from 'node:zlib';
import { precompress, precompressedFresh, PRECOMPRESSED } from './precompress';

/** How long a browser keeps the client's files (their names carry a hash; index.html and the translations do not). */
const MAX_AGE_SECONDS = 3600;

/**
 * Serves the built web client and proxies /api to the API: locally what nginx does in
 * docker/web (static files, SPA fallback to index.html, /api passed through).
 *
 * The client's JavaScript, CSS and JSON go out as nginx sends them: the `.br` (brotli 11) or `.gz`
 * (gzip 9) written beside them once (precompress.ts, run here at start for the files not yet done or
 * rebuilt since), per Accept-Encoding. Everything else compressible (the API's JSON, HTML, SVG, a file
 * under precompress's threshold) over 1 kB is compressed per request: brotli when the browser accepts it,
 * gzip otherwise, brotli at quality 5 (about gzip 9's size, a few ms per answer). Images and fonts already are.
 */
export function serveWeb(options: { dir: string; apiUrl: string; port: number }): Promise<Server> {
  precompress(options.dir);
  const app = express();
  app.disable('x-powered-by');
  app.use(precompressed(options.dir));
  // Before the proxy, so that it wraps the proxied answers as well as the static files.
  app.use(compression({ threshold: 1024, brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } } }));
  app.use(createProxyMiddleware({ target: options.apiUrl, pathFilter: '/api', xfwd: true }));
  app.use(express.static(options.dir, { index: 'index.html', maxAge: MAX_AGE_SECONDS * 1000 }));
  app.get('/{*path}', (_request, response) => response.sendFile(join(options.dir, 'index.html')));
  return new Promise((resolve, reject) => {
    const server = app.listen(options.port, '127.0.0.1', () => resolve(server));
    server.on('error', reject);
  });
}

/** Sends a client file's fresh `.br` or `.gz` when the browser accepts it; anything else goes on. */
function precompressed(dir: string) {
  const root = normalize(dir + sep);
  return (request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !PRECOMPRESSED.test(request.path) || request.path.startsWith('/api/')) return next();
    let path: string;
    try {
      path = normalize(join(root, decodeURIComponent(request.path)));
    } catch {
      return next();
    }
    if (!path.startsWith(root) || !existsSync(path) || !precompressedFresh(path)) return next();
    // Brotli whenever accepted (smaller), whatever order the browser lists its encodings in.
    const encoding = request.acceptsEncodings('br') === 'br' ? 'br' : request.acceptsEncodings('gzip') === 'gzip' ? 'gzip' : null;
    if (!encoding) return next();
    response.setHeader('Vary', 'Accept-Encoding');
    response.setHeader('Content-Encoding', encoding);
    response.type(extname(path));
    response.sendFile(`${path}.${encoding === 'br' ? 'br' : 'gz'}`, { maxAge: MAX_AGE_SECONDS * 1000 }, (error) => {
      if (error && !response.headersSent) {
        response.removeHeader('Content-Encoding');
        next();
      }
    });
  };
}
