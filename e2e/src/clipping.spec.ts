import { expect, Page, test } from '@playwright/test';
import { signIn, web } from './sign-in';

/** Buttons and labels whose text does not fit their box: what a reader sees cut ("Modi…") or overprinted. */
async function clippedTexts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements
      .filter((element) => (element as HTMLElement).offsetParent !== null && element.scrollWidth > element.clientWidth + 1)
      .map((element) => `${element.textContent?.trim()} (${element.scrollWidth} > ${element.clientWidth} px)`),
  );
}

/** Issue 21 item 2, in French (the longer words) on a desktop and a phone: nothing cut, nothing overprinted. */
for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test.describe(`texts fit their boxes at ${viewport.width} px, in French`, () => {
    test.use({ locale: 'fr-FR', viewport });

    test('the founder’s funding table: “Modifier” whole', async ({ page }) => {
      await signIn(page, 'startup@demo.test');
      await page.goto(`${web()}/startup/funding`);
      await expect(page.getByTestId('round-edit').first()).toBeVisible();
      await expect(page.getByTestId('round-edit').first()).toContainText('Modifier');
      expect(await clippedTexts(page, 'table button, table a')).toEqual([]);
    });

    test('the members table: “Désactiver” whole', async ({ page }) => {
      await signIn(page, 'admin@demo.test');
      await expect(page.getByTestId('users-table')).toBeVisible();
      await expect(page.getByTestId('users-table')).toContainText('Désactiver');
      expect(await clippedTexts(page, '[data-testid="users-table"] button')).toEqual([]);
    });

    test('the space page: the site’s label above its value, not over it', async ({ page }) => {
      await signIn(page, 'manager@demo.test');
      await page.goto(`${web()}/manage/space`);
      const site = page.locator('mat-form-field', { has: page.getByTestId('space-site') });
      await expect(site).toBeVisible();
      // A label left inside the field writes over the chosen site's name; floated, it sits on the outline.
      await expect(page.getByTestId('space-site')).not.toHaveValue('');
      await expect(site.locator('.mdc-floating-label')).toHaveClass(/mdc-floating-label--float-above/);
    });
  });
}
