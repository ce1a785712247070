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
    await founder.getByTestId('nav-kpis').click();
    await expect(founder.getByTestId('kpi-period')).toHaveValue(month.period);
    await expect(founder.getByTestId('kpi-status')).toContainText(/not started/i);
    await founder.getByTestId('kpi-value-headcount').fill('9');
    await founder.getByTestId('kpi-value-jobs_created').fill('2');
    await founder.getByTestId('kpi-value-revenue').fill('15000.50');
    await founder.getByTestId('kpi-value-customers').fill('14');
    await founder.getByTestId('kpi-submit').click();
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
    await row.getByTestId('kpi-validate').click();
    await expect(row).toHaveCount(0);

    await showFigures(manager, month.from, month.to);
    await expect.poll(() => figure(manager, 'figure-jobs-created')).toBe(jobsBefore + 2);
    expect(await figure(manager, 'figure-funds-raised')).toBe(fundsBefore + 250_000);

    await founder.getByTestId('nav-kpis').click();
    await expect(founder.getByTestId('kpi-status')).toContainText('Validated');
    await managerContext.close();
    await founderContext.close();
  });
});
