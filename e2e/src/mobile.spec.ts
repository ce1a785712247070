import { expect, type Page, test } from '@playwright/test';
import { signIn, web } from './sign-in';

/** Issue 21 item 9: on a phone (390×844) pages never scroll sideways, and the tabs fold into a drawer. */
const PHONE = { width: 390, height: 844 };
/** Screenshots for a person to look at, when E2E_SCREENSHOTS_DIR names a folder (none in CI). */
const SHOTS = process.env['E2E_SCREENSHOTS_DIR'];

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The page is no wider than the screen: wide tables scroll inside their own box. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    screen: window.innerWidth,
    main: document.querySelector('main')?.scrollWidth ?? 0,
  }));
  expect(widths.page, `page ${page.url()} is ${widths.page} px wide on a ${widths.screen} px screen`).toBeLessThanOrEqual(widths.screen);
  expect(widths.main).toBeLessThanOrEqual(widths.screen);
}

test.describe('on a phone', () => {
  test.use({ locale: 'fr-FR', viewport: PHONE });

  test('the manager’s pages fit the screen; the startup list folds its filters so the first result shows', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, 'manager@demo.test');

    await page.goto(`${web()}/manage/startups`);
    const firstRow = page.locator('[data-testid^="startup-row-"]').first();
    await expect(firstRow).toBeVisible();
    await expect(firstRow).toBeInViewport();
    await expect(page.getByTestId('startups-filter-site')).toBeHidden();
    await expectNoSidewaysScroll(page);
    await shot(page, 'phone-manage-startups');
    const toggle = page.getByTestId('startups-filters-toggle');
    await expect(toggle).toHaveText('Filtres');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await page.getByTestId('startups-filter-sector').selectOption({ label: 'Santé' });
    await expect(toggle).toHaveText('Filtres (1)');
    await expect(page.getByTestId('startups-table')).toContainText('Beffroi Health SAS');
    await expectNoSidewaysScroll(page);

    await page.goto(`${web()}/manage/space`);
    await page.getByTestId('space-site').selectOption({ label: 'Demo Tech Park Lille' });
    await expect(page.getByTestId('floor-plan')).toBeVisible();
    const module = await page.locator('[data-testid^="module-"] rect').first().boundingBox();
    expect(module?.width ?? 0).toBeGreaterThanOrEqual(44);
    expect(module?.height ?? 0).toBeGreaterThanOrEqual(44);
    await expectNoSidewaysScroll(page);
    await shot(page, 'phone-manage-space');

    await page.goto(`${web()}/manage/space/occupancy`);
    await expect(page.getByTestId('occupancy-table')).toBeVisible();
    await expect(page.getByTestId('rentroll-table')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shot(page, 'phone-manage-occupancy');

    await page.goto(`${web()}/manage/space/waitlist`);
    await expect(page.getByTestId('waitlist-table')).toBeVisible();
    await expectNoSidewaysScroll(page);

    await page.goto(`${web()}/manage/kpis`);
    await expect(page.getByTestId('kpi-definitions-table')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shot(page, 'phone-manage-kpis');

    await page.goto(`${web()}/manage/programs`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
  });

  test('the founder’s portal fits the screen, the funding table scrolling inside a focusable box', async ({ page }) => {
    await signIn(page, 'startup@demo.test');
    await expect(page.getByTestId('area-title')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shot(page, 'phone-startup');

    await page.goto(`${web()}/startup/kpis`);
    await expect(page.getByTestId('kpi-status')).toBeVisible();
    await expectNoSidewaysScroll(page);

    await page.goto(`${web()}/startup/funding`);
    await expect(page.getByTestId('round-table')).toBeVisible();
    await expectNoSidewaysScroll(page);
    const box = page.getByRole('region', { name: 'Levées de fonds' });
    await expect(box).toHaveAttribute('tabindex', '0');
    const scroll = await box.evaluate((el) => ({ width: el.scrollWidth, visible: el.clientWidth }));
    expect(scroll.width).toBeGreaterThan(scroll.visible);
    await shot(page, 'phone-startup-funding');
  });

  test('one compact bar instead of two rows of tabs; the drawer lists the area and navigates', async ({ page }) => {
    await signIn(page, 'manager@demo.test');
    await expect(page.getByTestId('area-title')).toBeVisible();
    await expect(page.getByTestId('nav-manage')).toBeHidden();
    await expect(page.getByTestId('manage-nav-startups')).toBeHidden();
    const header = await page.locator('header').boundingBox();
    expect(header?.height ?? 999).toBeLessThanOrEqual(130);

    const menu = page.getByTestId('nav-menu');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    const drawer = page.getByTestId('nav-drawer');
    await expect(drawer).toBeVisible();
    // The focus moves into the drawer, where Escape closes it.
    await expect(drawer.getByTestId('drawer-status')).toBeFocused();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(drawer.getByTestId('drawer-manage')).toHaveAttribute('aria-current', 'page');
    await expect(drawer.getByTestId('drawer-board')).toBeVisible();
    await shot(page, 'phone-drawer');

    await drawer.getByTestId('drawer-nav-kpis').click();
    await expect(page).toHaveURL(/\/manage\/kpis$/);
    await expect(drawer).toBeHidden();
    await expect(page.getByTestId('kpi-definitions-table')).toBeVisible();

    // Closed, the drawer's layer lets clicks through to the page.
    await menu.click();
    await expect(drawer.getByTestId('drawer-status')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await page.getByRole('link', { name: 'Incubateur' }).click();
    await expect(page).toHaveURL(/\/manage$/);
  });

  test('the set-up pages fit the screen: settings, sites and floor editor, prices, programs', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, 'admin@demo.test');
    for (const [name, path, ready] of [
      ['admin-settings', '/admin/settings', 'org-settings-save'],
      ['space-setup', '/manage/space/setup', 'site-form'],
      ['prices', '/manage/space/prices', 'prices-table'],
      ['programs', '/manage/programs', 'program-create-open'],
    ]) {
      await page.goto(`${web()}${path}`);
      await expect(page.getByTestId(ready)).toBeVisible();
      await expectNoSidewaysScroll(page);
      await shot(page, `phone-${name}`);
    }
    // The floor editor's grid may be wider than the phone: it scrolls inside its own box, not the page.
    await page.goto(`${web()}/manage/space/setup`);
    await page.getByTestId('site-list').getByRole('button', { name: /Demo Tech Park Lille/ }).click();
    await page.getByTestId('building-list').getByRole('button').first().click();
    await page.getByTestId('floor-list').getByRole('button').first().click();
    await expect(page.getByTestId('editor-grid')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shot(page, 'phone-floor-editor');
  });

  test('an unknown address under /admin shows “Page introuvable”, with a link back to the area', async ({ page }) => {
    await signIn(page, 'admin@demo.test');
    await expect(page.getByTestId('users-table')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shot(page, 'phone-admin');

    await page.goto(`${web()}/admin/no-such-page`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
    await expect(page.getByTestId('forbidden')).toHaveCount(0);
    await shot(page, 'phone-admin-not-found');
    await page.getByTestId('not-found-home').click();
    await expect(page).toHaveURL(/\/admin$/);
  });
});

test.describe('on a desktop', () => {
  test.use({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } });

  test('the tabs stay above the page, with no menu button, and the filters are all shown', async ({ page }) => {
    await signIn(page, 'manager@demo.test');
    await expect(page.getByTestId('nav-manage')).toBeVisible();
    await expect(page.getByTestId('manage-nav-startups')).toBeVisible();
    await expect(page.getByTestId('nav-menu')).toBeHidden();

    await page.getByTestId('manage-nav-startups').click();
    await expect(page.getByTestId('startups-filter-site')).toBeVisible();
    await expect(page.getByTestId('startups-filters-toggle')).toBeHidden();
    await shot(page, 'desktop-manage-startups');
  });
});
