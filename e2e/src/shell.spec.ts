import { expect, test } from '@playwright/test';

const web = () => process.env['E2E_WEB_URL'] as string;

test.describe('app shell against the running product', () => {
  // A French browser, as most of the park's users have; each test starts with empty storage.
  test.use({ locale: 'fr-FR' });

  test('the status page shows the API healthy, with PostgreSQL and Redis up', async ({ page }) => {
    await page.goto(`${web()}/`);
    await expect(page).toHaveURL(/\/status$/);
    await expect(page.getByTestId('health-overall')).toHaveAttribute('data-status', 'ok');
    await expect(page.getByTestId('health-database')).toHaveAttribute('data-status', 'up');
    await expect(page.getByTestId('health-redis')).toHaveAttribute('data-status', 'up');
  });

  test('the language switch changes the text at once and persists across reloads', async ({ page }) => {
    await page.goto(`${web()}/status`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('État du système');

    await page.getByTestId('language-en').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('System status');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('System status');
    await page.getByTestId('language-fr').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('État du système');
  });

  test('an unknown address shows a not-found page, not a blank screen', async ({ page }) => {
    await page.goto(`${web()}/no/such/page`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  });

  test('the web server proxies the API: OpenAPI document and a heartbeat through the worker', async ({ request }) => {
    const docs = await request.get(`${web()}/api/docs-json`);
    expect(docs.status()).toBe(200);
    expect((await docs.json()).paths).toHaveProperty('/api/health');

    // The heartbeats are the platform's: the platform operator requests them.
    const login = await request.post(`${web()}/api/auth/login`, { data: { email: 'operator@demo.test', password: 'Demo-2026!' } });
    const headers = { authorization: `Bearer ${(await login.json()).accessToken}` };
    const queued = await request.post(`${web()}/api/system/heartbeats`, { headers });
    expect(queued.status()).toBe(202);
    const { jobId } = await queued.json();
    await expect
      .poll(async () => (await request.get(`${web()}/api/system/heartbeats/${jobId}`, { headers })).status(), { timeout: 10_000 })
      .toBe(200);
  });
});
