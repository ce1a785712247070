import { expect, type Locator, type Page, test } from '@playwright/test';
import { signIn, web } from './sign-in';

/** Issue 5's journey: allocate 50 m² (72 m²) on the plan, grow it to 96 m², read it on the occupancy page. */
test.describe('modular office space', () => {
  test.use({ locale: 'en-GB' });

  const startup = 'Beffroi Health SAS';
  const leasedBy = (page: Page): Locator => page.locator(`[data-testid^="module-"][data-startup="${startup}"]`);

  test('a manager allocates 50 m², gets 72 m², grows it to 96 m², and the occupancy page shows it', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, 'manager@demo.test');
    await page.goto(`${web()}/manage/space`);
    await page.getByTestId('space-site').selectOption({ label: 'Demo Tech Park Lille' });
    await expect(page.getByTestId('floor-plan')).toBeVisible();
    await page.getByTestId('space-date').fill('2027-01-04');

    await page.getByTestId('allocate-startup').selectOption({ label: startup });
    await page.getByTestId('allocate-area').fill('50');
    await page.getByTestId('allocate-start').fill('2027-01-04');
    await page.getByTestId('allocate-propose').click();
    await expect(page.getByTestId('proposal-0')).toContainText('72 m²');
    await expect(page.getByTestId('proposal-0')).toContainText('50 m²');
    await page.getByTestId('proposal-0').click();
    await page.getByTestId('proposal-confirm').click();
    await expect(leasedBy(page)).toHaveCount(3);

    // Grow by one free module next to the office, from 1 February.
    const office = await leasedBy(page).evaluateAll((cells) => cells.map((c) => c.getAttribute('data-testid') as string));
    const coords = office.map((id) => id.split('-').slice(1).map(Number) as [number, number]);
    const free = await page.locator('[data-testid^="module-"][data-state="free"]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-testid') as string));
    const neighbour = free.find((id) => {
      const [col, row] = id.split('-').slice(1).map(Number);
      return coords.some(([c, r]) => Math.abs(c - col) + Math.abs(r - row) === 1);
    });
    expect(neighbour).toBeDefined();
    await leasedBy(page).first().click();
    await expect(page.getByTestId('lease-panel')).toContainText(startup);
    await page.getByTestId('resize-grow').click();
    await page.getByTestId(neighbour as string).click();
    await page.getByTestId('resize-effective').fill('2027-02-01');
    await page.getByTestId('resize-confirm').click();
    await expect(page.getByTestId('resize-error')).toHaveCount(0);

    await page.getByTestId('space-date').fill('2027-02-01');
    await expect(leasedBy(page)).toHaveCount(4);

    await page.goto(`${web()}/manage/space/occupancy`);
    await page.getByTestId('occupancy-date').fill('2027-02-01');
    await expect(page.getByTestId('occupancy-row-Niveau 1').getByTestId('occupancy-leased')).toContainText('96');
  });
});
