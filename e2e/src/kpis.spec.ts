import { expect, type Page, test } from '@playwright/test';
import { signIn, web } from './sign-in';

/** A figure card's number, whatever the locale's grouping ("250,000" → 250000; "—" → NaN). */
async function figure(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(testId).innerText();
  return Number(text.replace(/[^\d.-]/g, ''));
}

/** The previous calendar month: the founder's open report period and the figures' range. */
function previousMonth(): { period: string; from: string; to: string; closedOn: string } {
  const now = new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const period = start.toISOString().slice(0, 7);
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString().slice(0, 10);
  return { period, from: `${period}-01`, to, closedOn: `${period}-10` };
}

/** Screenshots for a person to look at, when E2E_SCREENSHOTS_DIR names a folder (none in CI). */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env['E2E_SCREENSHOTS_DIR'];
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/** The page is no wider than the screen: wide tables scroll inside their own box. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
  expect(widths.page, `page ${page.url()} is ${widths.page} px wide on a ${widths.screen} px screen`).toBeLessThanOrEqual(widths.screen);
}

async function showFigures(page: Page, from: string, to: string): Promise<void> {
  await page.goto(`${web()}/manage/kpis`);
  await page.getByTestId('figures-from').fill(from);
  await page.getByTestId('figures-to').fill(to);
  // The cards say which range they show: read them only once they are this range's, not the default's.
  await expect(page.locator(`[data-testid="figures"][data-from="${from}"][data-to="${to}"]`)).toBeVisible();
  await expect(page.getByTestId('figure-jobs-created')).toHaveText(/\d/);
}

/**
 * Issue 6's journey: a founder submits last month's KPI report and records a closed round; a manager
 * validates the report; the ecosystem figures for that month grow by exactly what was reported.
 */
test.describe('KPI reporting and funding rounds', () => {
  test.use({ locale: 'en-GB' });

  test('founder reports and records a round, manager validates, the figures change', async ({ browser }) => {
    test.setTimeout(150_000);
    const month = previousMonth();

    const managerContext = await browser.newContext({ locale: 'en-GB' });
    const manager = await managerContext.newPage();
    await signIn(manager, 'manager@demo.test');
    await showFigures(manager, month.from, month.to);
    const jobsBefore = await figure(manager, 'figure-jobs-created');
    const fundsBefore = await figure(manager, 'figure-funds-raised');

    // The founder fills in last month's report, with the month before shown beside it, and submits it.
    const founderContext = await browser.newContext({ locale: 'en-GB' });
    const founder = await founderContext.newPage();
    await signIn(founder, 'startup@demo.test');
    // The portal home says what is due: last month's report, with its due date; and where the office is.
    const todo = founder.getByTestId('portal-todo-item').filter({ hasText: 'KPI report for' });
    await expect(todo.first()).toContainText(/due by .*\d{4}/);
    await expect(founder.getByTestId('my-office-building')).not.toBeEmpty();
    await expect(founder.getByTestId('my-office-floor')).toContainText(/level \d/);
    await expect(founder.getByTestId('office-plan').locator('[data-mine="true"]')).toHaveCount(3);
    await shot(founder, 'desktop-founder-portal');
    await founder.getByTestId('nav-kpis').click();
    await expect(founder.getByTestId('kpi-due')).toContainText(/Due by .*\d{4}/);
    await expect(founder.getByTestId('kpi-period')).toHaveValue(month.period);
    await expect(founder.getByTestId('kpi-status')).toContainText(/not started/i);
    await founder.getByTestId('kpi-value-headcount').fill('9');
    await founder.getByTestId('kpi-value-jobs_created').fill('2');
    await founder.getByTestId('kpi-value-customers').fill('14');
    // An extra two zeros on the revenue (the seeded month before is 20,505 €): Submit asks, and says why.
    await founder.getByTestId('kpi-value-revenue').fill('2050500');
    await founder.getByTestId('kpi-submit').click();
    await expect(founder.getByTestId('kpi-submit-anomalies')).toContainText('×100');
    await expect(founder.getByTestId('kpi-submit-anomalies')).toContainText('Revenue');
    await shot(founder, 'desktop-founder-submit-anomaly');
    await founder.getByTestId('kpi-submit-cancel').click();
    await expect(founder.getByTestId('kpi-status')).toContainText(/not started/i);
    await founder.getByTestId('kpi-value-revenue').fill('15000.50');
    await founder.getByTestId('kpi-submit').click();
    await expect(founder.getByRole('dialog')).toContainText('Submit the report?');
    await expect(founder.getByTestId('kpi-submit-anomalies')).toHaveCount(0);
    await founder.getByTestId('kpi-submit-confirm').click();
    await expect(founder.getByTestId('kpi-status')).toContainText('Submitted');
    await expect(founder.getByTestId('kpi-value-headcount')).toBeDisabled();

    // … and records the seed round that closed last month.
    await founder.getByTestId('nav-funding').click();
    await founder.getByTestId('round-new').click();
    await founder.getByTestId('round-kind').selectOption('seed');
    await founder.getByTestId('round-status').selectOption('closed');
    await founder.getByTestId('round-currency').selectOption('EUR');
    await founder.getByTestId('round-amount').fill('250000');
    await founder.getByTestId('round-closed-on').fill(month.closedOn);
    await founder.getByTestId('round-save').click();
    await expect(founder.getByTestId('round-row').filter({ hasText: '250,000' })).toBeVisible();

    // The manager validates the report from the queue.
    await manager.goto(`${web()}/manage/kpis`);
    const row = manager.getByTestId('kpi-queue-row').filter({ hasText: 'Nordlys Robotics SAS' });
    await expect(row).toBeVisible();
    // Beside the month before: 15,000.5 € against 20,505 €, a 27 % drop, no flag.
    const revenue = row.getByTestId('kpi-queue-kpi-revenue');
    await expect(revenue).toContainText('20,505 €');
    await expect(revenue).toContainText('-5,504.5 €');
    await expect(revenue).toContainText('-27%');
    await expect(row.getByTestId('kpi-queue-anomalies')).toHaveCount(0);
    await shot(manager, 'desktop-manager-kpi-queue');
    await row.getByTestId('kpi-validate').click();
    await expect(row).toHaveCount(0);

    await showFigures(manager, month.from, month.to);
    await expect.poll(() => figure(manager, 'figure-jobs-created')).toBe(jobsBefore + 2);
    expect(await figure(manager, 'figure-funds-raised')).toBe(fundsBefore + 250_000);

    await founder.getByTestId('nav-kpis').click();
    await expect(founder.getByTestId('kpi-status')).toContainText('Validated');
    // The round counts in the month's funds, shown apart from the submitted values and said to be derived.
    await expect(founder.getByTestId('kpi-derived')).toContainText('Derived figures');
    await expect(founder.getByTestId('kpi-funds-raised')).toContainText('250,000');
    await expect(founder.getByTestId('kpi-value-revenue')).toHaveValue('15000.5');
    await shot(founder, 'desktop-founder-kpi-validated');
    await managerContext.close();
    await founderContext.close();
  });
});

test.describe('KPI pages on a phone', () => {
  test.use({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });

  test('the founder portal, its KPI form and the manager queue fit the screen, in French', async ({ browser }) => {
    const founderContext = await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });
    const founder = await founderContext.newPage();
    await signIn(founder, 'startup@demo.test');
    await expect(founder.getByTestId('portal-todo')).toContainText('À faire');
    await expect(founder.getByTestId('office-plan')).toBeVisible();
    await expectNoSidewaysScroll(founder);
    await shot(founder, 'phone-founder-portal');
    await founder.goto(`${web()}/startup/kpis`);
    await expect(founder.getByTestId('kpi-due')).toContainText(/(À remettre au plus tard le|en retard)/);
    await expect(founder.getByTestId('kpi-derived')).toContainText('Chiffres calculés');
    await expectNoSidewaysScroll(founder);
    await shot(founder, 'phone-founder-kpis');
    await founderContext.close();

    const managerContext = await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });
    const manager = await managerContext.newPage();
    await signIn(manager, 'manager@demo.test');
    await manager.goto(`${web()}/manage/kpis`);
    await expect(manager.getByTestId('kpi-queue-row').first().or(manager.getByTestId('kpi-queue-empty'))).toBeVisible();
    await expectNoSidewaysScroll(manager);
    await shot(manager, 'phone-manager-kpis');
    await managerContext.close();
  });
});
