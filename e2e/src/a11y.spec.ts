import { expect, type Page, test } from '@playwright/test';
import { signIn, web } from './sign-in';

/** Issue 21 item 10: axe-core finds no serious or critical violation on the main pages, desktop and phone. */
const AXE = require.resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

for (const viewport of [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test.describe(`accessibility (${viewport.name})`, () => {
    test.use({ locale: 'fr-FR', viewport: { width: viewport.width, height: viewport.height } });

    test('the login page', async ({ page }) => {
      await page.goto(`${web()}/login`);
      await expect(page.getByTestId('login-submit')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the manager’s startup list, a startup’s page, the space page', async ({ page }) => {
      test.setTimeout(90_000);
      await signIn(page, 'manager@demo.test');
      await page.goto(`${web()}/manage/startups`);
      await expect(page.locator('[data-testid^="startup-row-"]').first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByTestId('startup-link').first().click();
      await expect(page.getByTestId('startup-title')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto(`${web()}/manage/space`);
      await page.getByTestId('space-site').selectOption({ label: 'Demo Tech Park Lille' });
      await expect(page.getByTestId('floor-plan')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the founder’s KPI form and funding rounds', async ({ page }) => {
      await signIn(page, 'startup@demo.test');
      await page.goto(`${web()}/startup/kpis`);
      await expect(page.getByTestId('kpi-status')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto(`${web()}/startup/funding`);
      await expect(page.getByTestId('round-table')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the board, with its packs to download', async ({ page }) => {
      await signIn(page, 'board@demo.test');
      await expect(page.getByTestId('computed-at')).toBeVisible();
      // The page's parts after the headline figures are drawn one task after the other: the last one, the packs.
      await expect(page.getByTestId('pack-generate')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the administration', async ({ page }) => {
      await signIn(page, 'admin@demo.test');
      await expect(page.getByTestId('users-table')).toBeVisible();
      // The user menu is deferred until the browser is idle: check it too.
      await expect(page.getByTestId('user-menu')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
