import { expect, type Page, test } from '@playwright/test';
import { signIn, web } from './sign-in';

/** Screenshots for a person to look at, when E2E_SCREENSHOTS_DIR names a folder (none in CI). */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env['E2E_SCREENSHOTS_DIR'];
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/** Issue 21 item 8: schedules are set as a frequency, a day and a time; raw cron is "advanced". */
test.describe('the schedule editor', () => {
  test.use({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } });

  test('sets the KPI reminders to every Monday at 09:30 without typing cron, then puts them back', async ({ page }) => {
    await signIn(page, 'admin@demo.test');
    await page.goto(`${web()}/admin/schedules`);
    const row = page.getByTestId('schedule-kpi_reminders');
    await expect(row.getByTestId('schedule-frequency-kpi_reminders')).toHaveValue('daily');
    await expect(row.getByTestId('schedule-sentence-kpi_reminders')).toContainText('Chaque jour à 08:00');
    // The raw cron is folded away; the waitlist's "every 5 minutes" only the raw cron can say.
    await expect(row.getByTestId('schedule-cron-kpi_reminders')).toBeHidden();
    await expect(page.getByTestId('schedule-sentence-waitlist_expiry')).toContainText('Toutes les 5 minutes');
    await expect(page.getByTestId('schedule-cron-waitlist_expiry')).toBeVisible();
    await shot(page, 'desktop-admin-schedules');

    await row.getByTestId('schedule-frequency-kpi_reminders').selectOption('weekly');
    await row.getByTestId('schedule-day-kpi_reminders').selectOption('1');
    await row.getByTestId('schedule-hour-kpi_reminders').selectOption('09');
    await row.getByTestId('schedule-minute-kpi_reminders').selectOption('30');
    await expect(row.getByTestId('schedule-sentence-kpi_reminders')).toContainText('Chaque lundi à 09:30');
    await row.getByTestId('schedule-advanced-kpi_reminders').click();
    await expect(row.getByTestId('schedule-cron-kpi_reminders')).toHaveValue('30 9 * * 1');
    await row.getByTestId('schedule-save-kpi_reminders').click();
    // The next run the API computed is a Monday.
    await expect(row.getByTestId('schedule-next-kpi_reminders')).toContainText(/lundi .* 09:30/);

    await page.reload();
    await expect(page.getByTestId('schedule-frequency-kpi_reminders')).toHaveValue('weekly');
    await page.getByTestId('schedule-frequency-kpi_reminders').selectOption('daily');
    await page.getByTestId('schedule-hour-kpi_reminders').selectOption('08');
    await page.getByTestId('schedule-minute-kpi_reminders').selectOption('00');
    await page.getByTestId('schedule-save-kpi_reminders').click();
    await expect(page.getByTestId('schedule-next-kpi_reminders')).toContainText('08:00');
  });

  test('an unknown address under /admin says the page does not exist, not "Accès refusé"', async ({ page }) => {
    await signIn(page, 'admin@demo.test');
    await page.goto(`${web()}/admin/schedules/nope`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
    await expect(page.getByTestId('forbidden')).toHaveCount(0);
  });
});

test.describe('the schedule editor on a phone', () => {
  test.use({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });

  test('fits the screen', async ({ page }) => {
    await signIn(page, 'admin@demo.test');
    await page.goto(`${web()}/admin/schedules`);
    await expect(page.getByTestId('schedule-sentence-board_pack')).toContainText('Chaque trimestre');
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.screen);
    await shot(page, 'phone-admin-schedules');
  });
});
