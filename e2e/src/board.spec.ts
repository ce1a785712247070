import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Download, type Page } from '@playwright/test';
import type { BoardQuarterResponse, FundingRoundResponse, PageResponse } from '@incubator/contracts';
import { DEMO_PASSWORD, signIn, web } from './sign-in';

/** The quarter `back` quarters before the last completed one. */
function quarterBefore(back: number): string {
  const now = new Date();
  const index = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3) - 1 - back;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** "2026-Q3" → its first day and the first day after it. */
function quarterDates(quarter: string): { from: string; to: string } {
  const [year, q] = quarter.split('-Q').map(Number);
  const month = (q - 1) * 3;
  const day = (y: number, m: number) => new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  return { from: day(year, month), to: day(year, month + 3) };
}

/** Where a person looks at the pages and screenshots: E2E_SCREENSHOTS_DIR when set, else the test results (never committed). */
const SHOTS = process.env['E2E_SCREENSHOTS_DIR'] ?? join(process.cwd(), '.test-results', 'board-e2e');

async function bearer(request: APIRequestContext, email: string): Promise<Record<string, string>> {
  const response = await request.post(`${web()}/api/auth/login`, { data: { email, password: DEMO_PASSWORD } });
  expect(response.status()).toBe(200);
  return { authorization: `Bearer ${(await response.json()).accessToken}` };
}

/** The closed rounds in [from, to) as the park's team lists them: their total in cents and how many startups raised them. */
async function closedRounds(request: APIRequestContext, headers: Record<string, string>, to: string, from?: string): Promise<{ cents: number; startups: number }> {
  const query = new URLSearchParams({ status: 'closed', closedTo: to, limit: '100', ...(from ? { closedFrom: from } : {}) });
  const response = await request.get(`${web()}/api/funding-rounds?${query}`, { headers });
  expect(response.status()).toBe(200);
  const page = (await response.json()) as PageResponse<FundingRoundResponse>;
  expect(page.total).toBeLessThanOrEqual(100);
  return { cents: page.items.reduce((sum, r) => sum + r.amountEurCents, 0), startups: new Set(page.items.map((r) => r.startupId)).size };
}

const euros = (cents: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(cents / 100);
const percent = (value: number) => new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);

/** The dashboard's figures whose text does not fit their card (a reader would see '€1,530,00'). */
async function clippedFigures(page: Page): Promise<string[]> {
  return page.locator('[data-testid="outcome-value"], [data-testid="headline-value"]').evaluateAll((elements) =>
    elements
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .map((element) => `${element.textContent?.trim()} (${element.scrollWidth} > ${element.clientWidth} px)`),
  );
}

/** The breakdowns' charts drawn without scrolling (a full-page capture or a print scrolls nothing): one each, with bars of a height. */
async function expectChartsDrawn(page: Page): Promise<void> {
  // The breakdowns come a task after the headline figures (board.page.ts, `sections`).
  await expect(page.getByTestId('chart-by-site')).toBeVisible();
  const charts = page.locator('app-breakdown [data-testid="breakdown-chart"]');
  await expect(charts).toHaveCount(await page.locator('app-breakdown:has(details)').count());
  for (const chart of await charts.all()) {
    const tallest = await chart.locator('[data-testid="breakdown-bar"]').evaluateAll((bars) => Math.max(0, ...bars.map((bar) => bar.getBoundingClientRect().height)));
    expect(tallest).toBeGreaterThan(20);
  }
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `board-${name}.png`), fullPage: true });
}

/** Every page of a downloaded pack as a PNG (pdftoppm), for a person to look at; returns how many. */
function pagesToPng(download: string, name: string): number {
  mkdirSync(SHOTS, { recursive: true });
  const pdf = join(SHOTS, `${name}.pdf`);
  copyFileSync(download, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(SHOTS, name)]);
  return readdirSync(SHOTS).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).length;
}

async function saved(download: Download): Promise<string> {
  return (await download.path()) as string;
}

/**
 * Issue 7's journey: a board member opens the dashboard, switches quarter, has the board pack of
 * that quarter produced by the worker and downloads it. Issue 20's: the year's funds raised against
 * their target are the closed rounds of the year (as the aggregates count them, under the board's
 * rules), the long run (survival, conversion, since the start, long-term targets) is on the dashboard
 * and in the pack, whose pages are rendered to PNG for a look.
 */
test.describe('board dashboard', () => {
  test.use({ locale: 'en-GB' });

  test('the year-to-date funds raised are the closed rounds of the year; never "0 %" for a figure the board may not see', async ({ page, browser, request }) => {
    test.setTimeout(120_000);
    // A quarter of this year (the demo seed sets this year's targets): the last completed one, or in
    // January–March the current one.
    const thisYear = String(new Date().getUTCFullYear());
    const quarter = quarterBefore(0).startsWith(thisYear) ? quarterBefore(0) : quarterBefore(-1);
    const { to } = quarterDates(quarter);
    const year = quarter.slice(0, 4);
    const team = await bearer(request, 'manager@demo.test');
    const ytd = await closedRounds(request, team, to, `${year}-01-01`);
    const sinceStart = await closedRounds(request, team, to);
    const targets = (await (await request.get(`${web()}/api/targets`, { headers: team })).json()) as Array<{ key: string; year: number; value: string }>;
    const goal = targets.find((t) => t.key === 'funds_raised_eur' && t.year === Number(year));
    expect(goal, 'the demo seed sets a funds-raised target for the year').toBeDefined();

    // The park's team: every figure.
    await signIn(page, 'manager@demo.test');
    await page.goto(`${web()}/board?quarter=${quarter}`);
    const target = page.getByTestId('target-funds_raised_eur');
    await expect(target.getByTestId('target-figures')).toHaveText(`${euros(ytd.cents)} / ${euros(Number(goal!.value) * 100)}`);
    await expect(target.getByTestId('target-percent')).toHaveText(`${percent((ytd.cents / (Number(goal!.value) * 100)) * 100)} of the target`);
    await expect(page.getByTestId('outcome-funds').getByTestId('outcome-value')).toHaveText(euros(sinceStart.cents));
    await expect(page.getByTestId('outcome-survival')).toBeVisible();
    // The occupancy is the leased share of the leasable area shown beside it (12.1 % of the demo park, not "0.1 %").
    const [leased, leasable] = ((await page.getByTestId('space-leased').textContent()) ?? '').match(/\d[\d,]*(?=\s*m²)/g)!.map((n) => Number(n.replace(/,/g, '')));
    expect(leasable).toBeGreaterThan(0);
    await expect(page.getByTestId('space-occupancy')).toHaveText(percent((leased / leasable) * 100));
    await expectChartsDrawn(page);
    for (const [name, width, height] of [['team-1440', 1440, 900], ['team-390', 390, 844]] as const) {
      await page.setViewportSize({ width, height });
      expect(await clippedFigures(page), `figures cut at ${width} px`).toEqual([]);
      await shoot(page, name);
    }

    // A board member: the same rounds, unless fewer startups than the threshold raised them.
    const boardPage = await browser.newPage({ locale: 'en-GB', viewport: { width: 1440, height: 900 } });
    const boardHeaders = await bearer(request, 'board@demo.test');
    const figures = (await (await request.get(`${web()}/api/board/quarters/${quarter}`, { headers: boardHeaders })).json()) as BoardQuarterResponse;
    const actual = figures.targets.find((t) => t.key === 'funds_raised_eur')!.actual;
    await signIn(boardPage, 'board@demo.test');
    await boardPage.goto(`${web()}/board?quarter=${quarter}`);
    const boardTarget = boardPage.getByTestId('target-funds_raised_eur');
    if (actual === null) {
      expect(ytd.startups).toBeLessThan(figures.aggregates.suppressionThreshold);
      await expect(boardTarget.getByTestId('target-figures')).toHaveText(`— / ${euros(Number(goal!.value) * 100)}`);
      await expect(boardTarget.getByTestId('target-percent')).toHaveText('No figure to compare yet (no data, or withheld).');
    } else {
      expect(Math.round(Number(actual) * 100)).toBe(ytd.cents);
      await expect(boardTarget.getByTestId('target-figures')).toHaveText(`${euros(ytd.cents)} / ${euros(Number(goal!.value) * 100)}`);
    }
    await expect(boardTarget).not.toContainText(/\b0\s?% of the target/);
    // The funds since the start: the same rounds, or withheld (never "no data") when too few startups raised them.
    const funds = boardPage.getByTestId('outcome-funds');
    if (sinceStart.startups < figures.aggregates.suppressionThreshold) {
      expect(figures.outcomes.cumulative).toMatchObject({ fundsRaisedEur: null, fundsWithheld: true });
      await expect(funds.getByTestId('outcome-value')).toHaveText('—');
      await expect(funds.getByTestId('outcome-withheld')).toBeVisible();
    } else {
      await expect(funds.getByTestId('outcome-value')).toHaveText(euros(sinceStart.cents));
    }
    await expectChartsDrawn(boardPage);
    expect(await clippedFigures(boardPage)).toEqual([]);
    await shoot(boardPage, 'board-1440');
    await boardPage.setViewportSize({ width: 390, height: 844 });
    await shoot(boardPage, 'board-390');
    await boardPage.close();
  });

  test('in French, on a desktop and a phone: the figures whole ("1 530 000 €"), the charts drawn, the rounds’ columns named', async ({ browser }) => {
    test.setTimeout(90_000);
    const page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } });
    await page.goto(`${web()}/login`);
    await expect(page.getByTestId('login-submit')).toBeVisible();
    await shoot(page, 'fr-login-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, 'fr-login-390');
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, 'manager@demo.test');
    await page.goto(`${web()}/board`);
    await expect(page.getByTestId('outcome-funds').getByTestId('outcome-value')).toHaveText(/^\s*\d[\d\s]*€\s*$/);
    await expect(page.getByTestId('board-rounds').locator('thead')).toHaveText(/Montant\s*Clôturée le\s*Investisseur principal/);
    await expectChartsDrawn(page);
    for (const [name, width, height] of [['fr-team-1440', 1440, 900], ['fr-team-390', 390, 844]] as const) {
      await page.setViewportSize({ width, height });
      expect(await clippedFigures(page), `figures cut at ${width} px`).toEqual([]);
      await shoot(page, name);
    }
    await page.close();
  });

  test('an admin sets a long-term target; the dashboard measures it, projects the trend and says whether it is on track', async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page, 'admin@demo.test');
    await page.goto(`${web()}/admin/targets`);
    await expect(page.getByTestId('target-long-term-hint')).toBeVisible();
    await page.getByTestId('target-key').selectOption('total_companies');
    await page.getByTestId('target-year').fill('2030');
    await page.getByTestId('target-value').fill('10000');
    await page.getByTestId('target-save').click();
    await expect(page.getByTestId('target-row-total_companies-2030')).toContainText('by 2030');
    await expect(page.getByTestId('target-row-total_companies-2030')).toContainText('10,000');

    // A quarter no other journey opens, so the dashboard's few minutes of cache cannot hide the new target.
    const quarter = quarterBefore(2);
    await page.goto(`${web()}/board?quarter=${quarter}`);
    const row = page.getByTestId('long-term-total_companies');
    await expect(row).toContainText('Companies supported · by 2030');
    await expect(row).toContainText(/ \/ 10,000/);
    await expect(row.getByTestId('long-term-status')).toHaveText(/^(On track|Behind|Not enough data)$/);
  });

  test('a board member switches quarter and downloads the board pack, whose pages are looked at as PNGs', async ({ page }) => {
    test.setTimeout(150_000);
    await signIn(page, 'board@demo.test');
    await expect(page).toHaveURL(/\/board/);
    await expect(page.getByTestId('quarter-select')).toHaveValue(quarterBefore(0));
    await expect(page.getByTestId('headline-active_startups').getByTestId('headline-value')).toHaveText(/\d/);

    const quarter = quarterBefore(1);
    await page.getByTestId('quarter-select').selectOption(quarter);
    await expect(page).toHaveURL(new RegExp(`quarter=${quarter}`));
    await expect(page.getByTestId('headline-jobs_created')).toBeVisible();
    await expect(page.getByTestId('chart-by-site')).toBeVisible();

    await page.getByTestId('pack-generate').click();
    const row = page.locator(`[data-testid="pack-row"][data-period="${quarter}"]`);
    await expect(row).toHaveAttribute('data-status', 'completed', { timeout: 90_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('pack-download-pdf-en').click()]);
    expect(download.suggestedFilename()).toBe(`board-pack-${quarter}.pdf`);
    expect(readFileSync(await saved(download)).subarray(0, 5).toString()).toBe('%PDF-');
    const [french] = await Promise.all([page.waitForEvent('download'), row.getByTestId('pack-download-pdf-fr').click()]);
    // Cover, summary, trends, the long run, breakdown, a page per site with figures, rounds, method.
    expect(pagesToPng(await saved(download), `pack-${quarter}-en`)).toBeGreaterThanOrEqual(8);
    expect(pagesToPng(await saved(french), `pack-${quarter}-fr`)).toBeGreaterThanOrEqual(8);
  });
});
