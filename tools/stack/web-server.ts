import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { Server } from 'node:http';
import { join } from 'node:path';

/**
 * Serves the built web client and proxies /api to the API: locally what nginx does in
 * docker/web (static files, SPA fallback to index.html, /api passed through).
 */
export function serveWeb(options: { dir: string; apiUrl: string; port: number }): Promise<Server> {
  const app = express();
  app.disable('x-powered-by');
  app.use(createProxyMiddleware({ target: options.apiUrl, pathFilter: '/api', xfwd: true }));
  app.use(express.static(options.dir, { index: 'index.html', maxAge: '1h' }));
  app.get('/{*path}', (_request, response) => response.sendFile(join(options.dir, 'index.html')));
  return new Promise((resolve, reject) => {
    const server = app.listen(options.port, '127.0.0.1', () => resolve(server));
    server.on('error', reject);
  });
}
