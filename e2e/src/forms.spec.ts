import { expect, test } from '@playwright/test';
import { signIn, web } from './sign-in';

/** Issue 21 items 1 and 7: a form never fails silently, and dates read in the UI language. */
test.describe('forms in French', () => {
  test.use({ locale: 'fr-FR' });

  test('Save with an empty sector says what is missing, and the founding date is dd/mm/yyyy', async ({ page }) => {
    await signIn(page, 'manager@demo.test');
    await page.goto(`${web()}/manage/startups`);
    await page.getByTestId('startup-create-open').click();

    await page.getByTestId('startup-legal-name').fill('Formulaire Silencieux SAS');
    await page.getByTestId('startup-team-size').fill('3');
    await page.getByTestId('startup-submit').click();

    const sector = page.locator('mat-form-field', { has: page.getByTestId('startup-sector') });
    await expect(sector.locator('mat-error')).toHaveText('Obligatoire.');
    await expect(page.locator('mat-form-field', { has: page.getByTestId('startup-stage') }).locator('mat-error')).toHaveText(
      'Obligatoire.',
    );

    const founded = page.getByTestId('startup-founded-on');
    await expect(founded).toHaveAttribute('placeholder', 'jj/mm/aaaa');
    await founded.fill('05/03/2024');
    await founded.blur();
    await expect(founded).toHaveValue('05/03/2024');
    await page.getByTestId('startup-founded-on-toggle').locator('button').click();
    // The period button is upper-cased by CSS.
    await expect(page.locator('.mat-calendar-period-button')).toContainText(/mars 2024/i);
    await expect(async () => {
      await page.keyboard.press('Escape');
      await expect(page.locator('mat-calendar')).toHaveCount(0, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });

    // The SIREN's hint and error sit under the field, above the next label.
    await page.getByTestId('startup-siren').fill('123');
    await page.getByTestId('startup-siren').blur();
    const siren = page.locator('mat-form-field', { has: page.getByTestId('startup-siren') });
    const error = await siren.locator('mat-error').boundingBox();
    const sectorLabel = await sector.locator('mat-label').boundingBox();
    expect(error && sectorLabel).toBeTruthy();
    if (error && sectorLabel && sectorLabel.y > error.y) {
      // Line boxes, not glyphs: a two-line error's box may touch the floated label's box by a few pixels
      // without the texts overlapping (seen in CI: 2.75 px); an overprint is a whole line (~16 px).
      expect(error.y + error.height).toBeLessThanOrEqual(sectorLabel.y + 6);
    }
  });
});
