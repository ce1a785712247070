import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './report';

/**
 * The client: the initial bundle (what index.html loads before any lazy route: scripts, module
 * preloads and styles) gzip-compressed, and a Lighthouse run of the login page in the local Chromium.
 */
export async function benchClient(root: string, webUrl: string, log: (line: string) => void): Promise<BenchRow[]> {
  const dir = join(root, 'dist/apps/web/browser');
  const index = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = [...index.matchAll(/<(?:script[^>]+src|link[^>]+href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  let raw = 0;
  let compressed = 0;
  for (const file of new Set(files)) {
    const content = readFileSync(join(dir, file));
    raw += content.length;
    compressed += gzipSync(content, { level: 9 }).length;
  }
  log(`  initial bundle: ${files.length} files, ${(raw / 1000).toFixed(1)} kB raw, ${(compressed / 1000).toFixed(1)} kB gzip`);
  const rows: BenchRow[] = [
    {
      name: 'Initial client bundle (index.html’s scripts, preloads and styles)',
      figure: `${(compressed / 1000).toFixed(1)} kB gzip (${(raw / 1000).toFixed(1)} kB raw, ${files.length} files)`,
      floor: '—',
      ratio: null,
      target: '< 500 kB compressed',
      met: compressed < 500_000,
    },
  ];
  rows.push(...(await lighthouseRows(`${webUrl}/login`, log)));
  return rows;
}

async function lighthouseRows(url: string, log: (line: string) => void): Promise<BenchRow[]> {
  const chromePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  // Both are ES modules; this file runs as CommonJS under tsx.
  const { launch } = await import('chrome-launcher');
  const { default: lighthouse } = await import('lighthouse');
  const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    const categories = result?.lhr.categories;
    const performance = Math.round((categories?.['performance']?.score ?? 0) * 100);
    const accessibility = Math.round((categories?.['accessibility']?.score ?? 0) * 100);
    log(`  lighthouse ${url}: performance ${performance}, accessibility ${accessibility}`);
    const audits = result?.lhr.audits ?? {};
    const metric = (id: string) => audits[id]?.displayValue ?? '—';
    return [
      {
        name: 'Lighthouse, login page (local Chromium, simulated mobile throttling)',
        figure: `performance ${performance}, accessibility ${accessibility}; FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}`,
        floor: '—',
        ratio: null,
        target: 'accessibility ≥ 95',
        met: accessibility >= 95,
      },
    ];
  } finally {
    await chrome.kill();
  }
}
