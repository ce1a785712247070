import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { signIn } from './sign-in';

/** The quarter `back` quarters before the last completed one. */
function quarterBefore(back: number): string {
  const now = new Date();
  const index = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3) - 1 - back;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/**
 * Issue 7's journey: a board member opens the dashboard, switches quarter, has the board pack of
 * that quarter produced by the worker and downloads it.
 */
test.describe('board dashboard', () => {
  test.use({ locale: 'en-GB' });

  test('a board member switches quarter and downloads the board pack', async ({ page }) => {
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
    expect(readFileSync(await download.path()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
