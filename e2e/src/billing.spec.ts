import { expect, type Page, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { signIn, web } from './sign-in';

/**
 * Issue 18's journey, in French, on the demo park (whose last complete month is already billed by the
 * seed): the manager runs and issues this month's billing, the founder downloads their Factur-X PDF,
 * a credit note corrects another invoice, and a payment marks a third one paid.
 * Screenshots for a person to look at go to E2E_SCREENSHOTS_DIR when it is set (none in CI).
 */
test.describe('billing the tenants', () => {
  test.use({ locale: 'fr-FR', viewport: { width: 1440, height: 1000 }, acceptDownloads: true });

  /** This month in the park's time zone (Europe/Paris), as the run is asked for it. */
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).format(new Date());

  test('the manager bills the month, the founder downloads the Factur-X PDF, a credit note and a payment follow', async ({ page, browser }) => {
    test.setTimeout(300_000);

    // 1. The demo already shows a billed month: issued invoices, a credit note, a payment.
    await signIn(page, 'manager@demo.test');
    await page.goto(`${web()}/manage/billing`);
    await expect(page.locator('[data-testid^="billing-run-"] [data-testid="billing-run-status"]').first()).toHaveText('Émise');

    // 2. This month's run: drafts, then issued.
    await page.getByTestId('billing-run-month').fill(month);
    await page.getByTestId('billing-run-create').click();
    const run = page.getByTestId(`billing-run-${month}`);
    await expect(run.getByTestId('billing-run-status')).toHaveText('Brouillons prêts', { timeout: 60_000 });
    await shoot(page, 'runs-drafted');
    await run.getByTestId('billing-run-issue').click();
    await expect(run.getByTestId('billing-run-status')).toHaveText('Émise', { timeout: 60_000 });

    // 3. The month's invoices, one per tenant, numbered.
    await page.goto(`${web()}/manage/billing/invoices?month=${month}&kind=invoice`);
    const rows = page.locator('[data-testid^="invoice-row-"]');
    await expect(rows).toHaveCount(3);
    const numberOf = async (customer: string): Promise<string> => {
      const id = await rows.filter({ hasText: customer }).getAttribute('data-testid');
      return (id ?? '').replace('invoice-row-', '');
    };
    const founderNumber = await numberOf('Nordlys Robotics');
    const creditedNumber = await numberOf('Canopée Data');
    const paidNumber = await numberOf('Vauban Mobility');
    for (const number of [founderNumber, creditedNumber, paidNumber]) expect(number).toMatch(/^F-\d{4}-\d{5}$/);
    await shoot(page, 'invoices');

    // 4. The founder downloads their invoice: a PDF carrying the Factur-X XML.
    const founder = await browser.newPage({ locale: 'fr-FR' });
    await signIn(founder, 'startup@demo.test');
    await founder.goto(`${web()}/startup/billing`);
    const mine = founder.locator(`[data-testid="startup-invoice-row"][data-number="${founderNumber}"]`);
    await expect(mine).toBeVisible();
    await shoot(founder, 'founder-invoices');
    const [download] = await Promise.all([founder.waitForEvent('download'), mine.getByTestId('startup-invoice-pdf').click()]);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('factur-x.xml');
    await founder.close();

    // 5. A partial credit note on another tenant's invoice.
    await openInvoice(page, month, creditedNumber);
    await page.getByTestId('invoice-credit-note').click();
    await page.getByTestId('credit-note-partial').locator('input').check();
    await page.locator('[data-testid^="credit-note-line-"]').first().fill('10,00');
    await page.getByTestId('credit-note-reason').fill('Geste commercial : climatisation en panne');
    await page.getByTestId('credit-note-confirm').click();
    // The new credit note opens, numbered in its own series and pointing at the invoice it corrects.
    await expect(page.getByTestId('invoice-title')).toContainText(/Avoir AV-\d{4}-\d{5}/);
    await expect(page.getByRole('link', { name: creditedNumber })).toBeVisible();
    await expect(page.getByTestId('invoice-total')).toContainText('12,00');
    await shoot(page, 'invoice-credited');

    // 6. A payment of the whole balance marks the third invoice paid.
    await openInvoice(page, month, paidNumber);
    await expect(page.getByTestId('invoice-settlement')).toHaveText('À payer');
    const today = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris' }).format(new Date());
    await page.getByTestId('payment-date').fill(today);
    await page.getByTestId('payment-reference').fill(`VIR ${paidNumber}`);
    await page.getByTestId('payment-record').click();
    await expect(page.getByTestId('invoice-settlement')).toHaveText('Payée');
    await expect(page.getByTestId('invoice-payments')).toContainText(`VIR ${paidNumber}`);
    await shoot(page, 'invoice-paid');
  });
});

async function openInvoice(page: Page, month: string, number: string): Promise<void> {
  await page.goto(`${web()}/manage/billing/invoices?month=${month}&kind=invoice`);
  await page.getByTestId(`invoice-row-${number}`).getByTestId('invoice-link').click();
  await expect(page.getByTestId('invoice-title')).toContainText(number);
}

async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env['E2E_SCREENSHOTS_DIR'];
  if (dir) await page.screenshot({ path: join(dir, `billing-${name}.png`), fullPage: true });
}
