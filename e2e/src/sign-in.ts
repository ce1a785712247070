import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo-2026!';
export const web = () => process.env['E2E_WEB_URL'] as string;

/** Signs in through the login page, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${web()}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page).not.toHaveURL(/\/login/);
}
