import compression from 'compression';
import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { constants } from 'node:zlib';

/**
 * Serves the built web client and proxies /api to the API: locally what nginx does in
 * docker/web (static files, SPA fallback to index.html, /api passed through).
 *
 * Every compressible answer (JavaScript, CSS, JSON, SVG, HTML — the API's JSON included) over 1 kB is
 * compressed: brotli when the browser accepts it, gzip otherwise. Images and fonts already are; answers
 * under 1 kB would not gain. Brotli at quality 5: about gzip 9's size or better, a few ms per bundle.
 */
export function serveWeb(options: { dir: string; apiUrl: string; port: number }): Promise<Server> {
  const app = express();
  app.disable('x-powered-by');
  // First, so that it wraps the proxied answers as well as the static files.
  app.use(compression({ threshold: 1024, brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } } }));
  app.use(createProxyMiddleware({ target: options.apiUrl, pathFilter: '/api', xfwd: true }));
  app.use(express.static(options.dir, { index: 'index.html', maxAge: '1h' }));
  app.get('/{*path}', (_request, response) => response.sendFile(join(options.dir, 'index.html')));
  return new Promise((resolve, reject) => {
    const server = app.listen(options.port, '127.0.0.1', () => resolve(server));
    server.on('error', reject);
  });
}
