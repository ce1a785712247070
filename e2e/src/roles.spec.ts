import { expect, test } from '@playwright/test';
import { signIn, web } from './sign-in';

const AREAS = ['manage', 'startup', 'board', 'admin'] as const;

/** Which areas each role may open (the API enforces the same rules on every route). */
const ROLES = [
  { email: 'admin@demo.test', home: 'admin', sees: ['manage', 'board', 'admin'] },
  { email: 'manager@demo.test', home: 'manage', sees: ['manage', 'board'] },
  { email: 'board@demo.test', home: 'board', sees: ['board'] },
  { email: 'startup@demo.test', home: 'startup', sees: ['startup'] },
] as const;

test.describe('each role signs in and sees only its own areas', () => {
  test.use({ locale: 'fr-FR' });

  for (const role of ROLES) {
    test(`${role.email} lands on /${role.home} and cannot open the other areas`, async ({ page }) => {
      await signIn(page, role.email);
      await expect(page).toHaveURL(new RegExp(`/${role.home}$`));
      await expect(page.getByTestId('area-title')).toBeVisible();

      for (const area of AREAS) {
        const link = page.getByTestId(`nav-${area}`);
        if ((role.sees as readonly string[]).includes(area)) await expect(link).toBeVisible();
        else await expect(link).toHaveCount(0);
      }

      const forbidden = AREAS.find((area) => !(role.sees as readonly string[]).includes(area));
      if (forbidden) {
        await page.goto(`${web()}/${forbidden}`);
        await expect(page.getByTestId('area-title')).toHaveCount(0);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      }

      await page.getByTestId('user-menu').click();
      await page.getByTestId('logout').click();
      await expect(page).toHaveURL(/\/(login|status)/);
    });
  }

  test('a visitor who is not signed in is sent to the login page, then back where they were going', async ({ page }) => {
    await page.goto(`${web()}/manage`);
    await expect(page).toHaveURL(/\/login\?returnUrl=%2Fmanage/);
    await page.getByTestId('login-email').fill('manager@demo.test');
    await page.getByTestId('login-password').fill('Demo-2026!');
    await page.getByTestId('login-submit').click();
    await expect(page).toHaveURL(/\/manage$/);
  });

  test('a wrong password shows an error and stays on the login page', async ({ page }) => {
    await page.goto(`${web()}/login`);
    await page.getByTestId('login-email').fill('board@demo.test');
    await page.getByTestId('login-password').fill('not the password');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error')).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test('a reload keeps the session (refresh cookie), and another tenant’s admin sees its own organisation', async ({ page }) => {
    await signIn(page, 'admin@other.test');
    await page.reload();
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByTestId('users-table')).toContainText('manager@other.test');
    await expect(page.getByTestId('users-table')).not.toContainText('@demo.test');
  });
});
