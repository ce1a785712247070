import { expect, type Page, test } from '@playwright/test';
import { join } from 'node:path';
import { linkIn, mailsTo } from './mailbox';
import { signIn, web } from './sign-in';
import { sirenFrom } from './siren';

/**
 * Issue 17's journey, in French, from nothing but the platform operator: a new park is created, its
 * admin accepts the invitation from the mail and sets the whole park up in the browser — profile, site,
 * building, a floor painted in the editor, prices, a program and cohort, 30 startups imported from a
 * CSV (one bad line, fixed after the dry run), an office allocated at the listed price, a lease ended.
 * Screenshots for a person to look at go to E2E_SCREENSHOTS_DIR when it is set (none in CI).
 */
test.describe('a new park sets itself up in the browser', () => {
  test.use({ locale: 'fr-FR', viewport: { width: 1440, height: 1000 } });

  const adminEmail = 'direction@euratech.test';
  const adminPassword = 'Bois-Blancs-2027!';

  test('the operator creates EuraTechnologies; its admin sets up the site, floor, prices, program, startups and leases', async ({ page }) => {
    test.setTimeout(300_000);

    // 1. The operator creates the organisation and invites its first admin.
    await signIn(page, 'operator@demo.test');
    await page.goto(`${web()}/operator/organisations`);
    await page.getByTestId('operator-orgs-create').click();
    await page.getByTestId('new-org-name').fill('EuraTechnologies');
    await expect(page.getByTestId('new-org-slug')).toHaveValue('euratechnologies');
    await page.getByTestId('new-org-legal-name').fill('EuraTechnologies SAEM');
    await page.getByTestId('new-org-siren').fill('732829320');
    await page.getByTestId('new-org-address').fill('165 avenue de Bretagne');
    await page.getByTestId('new-org-postcode').fill('59000');
    await page.getByTestId('new-org-city').fill('Lille');
    await page.getByTestId('new-org-admin-email').fill(adminEmail);
    await shoot(page, 'operator-create');
    await page.getByTestId('new-org-submit').click();
    await expect(page.getByTestId('operator-orgs-created')).toContainText('EuraTechnologies');
    await expect(page.locator('[data-testid="operator-org"][data-slug="euratechnologies"]')).toBeVisible();
    await signOut(page);

    // 2. The admin opens the link of the invitation mail and chooses a password.
    const link = linkIn(await mailsTo(adminEmail, /\/invitation#token=/), /https?:\/\/\S+\/invitation#token=\S+/);
    await page.goto(link);
    await expect(page.getByTestId('invitation-organisation')).toContainText('EuraTechnologies');
    await page.getByTestId('invitation-name').fill('Claire Direction');
    await page.getByTestId('invitation-password').fill(adminPassword);
    await page.getByTestId('invitation-password-confirm').fill(adminPassword);
    await page.getByTestId('invitation-submit').click();
    await expect(page).toHaveURL(/\/admin/);
    await expect(page.getByTestId('onboarding-step-profile')).toBeVisible();
    await shoot(page, 'admin-onboarding');

    // 3. The profile.
    await page.goto(`${web()}/admin/settings`);
    await expect(page.getByTestId('org-name')).toHaveValue('EuraTechnologies');
    await page.getByTestId('org-vat-number').fill('FR44732829320');
    await page.getByTestId('org-siret').fill('73282932000074');
    await page.getByTestId('org-settings-save').click();
    await expect(page.getByTestId('org-settings-saved')).toBeVisible();
    await shoot(page, 'admin-settings');

    // 4. The site, a building, and a floor of 20 modules around a corridor painted in the editor.
    await page.goto(`${web()}/manage/space/setup`);
    const siteForm = page.getByTestId('site-form');
    await siteForm.locator('input[name="name"]').fill('Lille — Bois Blancs');
    await siteForm.locator('input[name="address"]').fill('165 avenue de Bretagne');
    await siteForm.locator('input[name="city"]').fill('Lille');
    await siteForm.getByRole('button', { name: 'Créer le site' }).click();
    await expect(page.getByTestId('site-list')).toContainText('Lille — Bois Blancs');
    await page.getByTestId('building-name').fill('Le Blan-Lafont');
    await page.getByRole('button', { name: 'Ajouter le bâtiment' }).click();
    await expect(page.getByTestId('building-list')).toContainText('Le Blan-Lafont');
    await page.getByTestId('new-floor').click();
    await page.getByTestId('floor-level').fill('1');
    await page.getByTestId('floor-name').fill('Niveau 1');
    // The starting grid is 4 modules, a corridor, 4 modules: grow it to 10 columns and paint the new cells.
    for (let i = 0; i < 6; i++) await page.getByTestId('add-column').click();
    await page.getByTestId('tool-module').click();
    for (const row of [0, 2]) {
      for (let col = 4; col < 10; col++) await page.getByTestId(`cell-${row}-${col}`).click();
    }
    for (let col = 0; col < 10; col++) await expect(page.getByTestId(`cell-1-${col}`)).toHaveAttribute('data-kind', 'corridor');
    await expect(page.getByTestId('editor-count')).toHaveText('20 modules, 480 m² louables');
    await shoot(page, 'space-setup');
    await page.getByTestId('save-floor').click();
    await expect(page.getByTestId('floor-saved')).toContainText('480 m²');

    // 5. The price list: 18,50 € per m² and month for the incubator from 1 January 2027.
    await page.goto(`${web()}/manage/space/prices`);
    await page.getByTestId('prices-site').selectOption({ label: 'Lille — Bois Blancs' });
    await page.getByTestId('prices-kind').selectOption({ label: 'Incubateur' });
    await page.getByTestId('prices-from').fill('2027-01-01');
    await page.getByTestId('prices-price').fill('18,50');
    await page.getByTestId('prices-submit').click();
    await expect(page.getByTestId('prices-table')).toContainText('18,50');
    await shoot(page, 'prices');

    // 6. An incubator program and its first cohort.
    await page.goto(`${web()}/manage/programs`);
    await page.getByTestId('program-create-open').click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.getByTestId('program-site').selectOption({ label: 'Lille — Bois Blancs' });
    await page.getByTestId('program-kind').selectOption({ label: 'Incubateur' });
    await page.getByTestId('program-name').fill('Incubateur Bois Blancs');
    await page.getByTestId('program-submit').click();
    await expect(page.getByTestId('program-card-Incubateur Bois Blancs')).toBeVisible();
    await page.getByTestId('cohort-create-open-Incubateur Bois Blancs').click();
    // The dialog focuses its first field when its opening animation ends: typing before that lands in the wrong field (seen in CI).
    await expect(page.getByTestId('cohort-name')).toBeFocused();
    await page.getByTestId('cohort-name').fill('Promotion 2027');
    await page.getByTestId('cohort-first-day').fill('04/01/2027');
    await page.getByTestId('cohort-last-day').fill('31/12/2027');
    await page.getByTestId('cohort-capacity').fill('30');
    await expect(page.getByTestId('cohort-name')).toHaveValue('Promotion 2027');
    await expect(page.getByTestId('cohort-first-day')).toHaveValue('04/01/2027');
    await page.getByTestId('cohort-submit').click();
    await expect(page.getByTestId('cohort-row-Promotion 2027')).toBeVisible();
    await shoot(page, 'programs');

    // 7. Thirty startups from a CSV: the dry run names the one bad line; once fixed, all are imported.
    await page.goto(`${web()}/manage/startups`);
    await page.getByTestId('startup-import-open').click();
    await page.getByTestId('startup-import-file').setInputFiles(startupCsv({ badSirenOnLine: 7 }));
    await page.getByTestId('startup-import-dry-run').click();
    await expect(page.getByTestId('startup-import-summary')).toContainText('30 ligne(s) lue(s), 1 erreur(s)');
    await expect(page.getByTestId('startup-import-error')).toHaveCount(1);
    await expect(page.getByTestId('startup-import-error')).toContainText('7');
    await expect(page.getByTestId('startup-import-error')).toContainText('SIREN invalide');
    await shoot(page, 'startup-import-dry-run');
    await page.getByTestId('startup-import-file').setInputFiles(startupCsv({}));
    await page.getByTestId('startup-import-dry-run').click();
    await expect(page.getByTestId('startup-import-summary')).toContainText('30 ligne(s) vérifiée(s), aucune erreur');
    await page.getByTestId('startup-import-run').click();
    await expect(page.getByTestId('startup-import-summary')).toContainText('30');
    await page.getByTestId('startup-import-close').click();
    await expect(page.getByTestId('startup-row-Bois Blancs Start-up 01 SAS')).toBeVisible();

    // 8. The first office at the listed price; a second one, then its lease terminated.
    await page.goto(`${web()}/manage/space`);
    await page.getByTestId('space-site').selectOption({ label: 'Lille — Bois Blancs' });
    await expect(page.getByTestId('floor-plan')).toBeVisible();
    await page.getByTestId('space-date').fill('2027-01-04');
    await allocate(page, 'Bois Blancs Start-up 01 SAS', '50');
    await expect(page.getByTestId('allocate-listed')).toContainText('18,50');
    await expect(page.getByTestId('allocate-price')).toHaveValue('18,50');
    await page.getByTestId('proposal-confirm').click();
    const firstOffice = page.locator('[data-testid^="module-"][data-startup="Bois Blancs Start-up 01 SAS"]');
    await expect(firstOffice).toHaveCount(3);
    await firstOffice.first().click();
    await expect(page.getByTestId('lease-panel')).toContainText('Bois Blancs Start-up 01 SAS');
    // 72 m² × 18,50 € = 1 332,00 € a month.
    await expect(page.getByTestId('lease-rent')).toContainText('1 332,00');
    await shoot(page, 'space-lease');

    await allocate(page, 'Bois Blancs Start-up 02 SAS', '24');
    await page.getByTestId('proposal-confirm').click();
    const secondOffice = page.locator('[data-testid^="module-"][data-startup="Bois Blancs Start-up 02 SAS"]');
    await expect(secondOffice).toHaveCount(1);
    await secondOffice.click();
    await page.getByTestId('lease-terminate').click();
    await page.getByTestId('terminate-last-day').fill('2027-03-31');
    await page.getByTestId('terminate-reason').selectOption({ label: 'Départ' });
    await page.getByTestId('terminate-confirm').click();
    await expect(page.getByTestId('lease-terminated')).toBeVisible();
    await page.getByTestId('space-date').fill('2027-04-01');
    await expect(secondOffice).toHaveCount(0);
    await expect(firstOffice).toHaveCount(3);

    // The onboarding checklist ticks itself from the data.
    await page.goto(`${web()}/admin`);
    for (const step of ['profile', 'site', 'building', 'floor', 'prices', 'programs', 'startups']) {
      await expect(page.getByTestId(`onboarding-step-${step}`)).toHaveClass(/\bdone\b/);
    }
  });

  async function allocate(page: Page, startup: string, areaM2: string): Promise<void> {
    await page.getByTestId('allocate-startup').selectOption({ label: startup });
    await page.getByTestId('allocate-area').fill(areaM2);
    await page.getByTestId('allocate-start').fill('2027-01-04');
    await page.getByTestId('allocate-propose').click();
    await page.getByTestId('proposal-0').click();
  }
});

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/(login|status)/);
}

/** 30 startups; `badSirenOnLine` (a file line, the header being line 1) gets a SIREN with a wrong check digit. */
function startupCsv({ badSirenOnLine }: { badSirenOnLine?: number }): { name: string; mimeType: string; buffer: Buffer } {
  const lines = ['Raison sociale;SIREN;Secteur;Stade;Date de création;Effectif;Contact nom;Contact e-mail'];
  for (let i = 1; i <= 30; i++) {
    const number = String(i).padStart(2, '0');
    const siren = sirenFrom(`8${String(40000 + i).padStart(7, '0')}`);
    const written = lines.length + 1 === badSirenOnLine ? siren.slice(0, 8) + String((Number(siren[8]) + 1) % 10) : siren;
    lines.push(`Bois Blancs Start-up ${number} SAS;${written};Intelligence artificielle;Idée;01/09/2025;${i % 7 + 1};Fondatrice ${number};fondatrice${number}@euratech.test`);
  }
  return { name: 'startups.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8') };
}

async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env['E2E_SCREENSHOTS_DIR'];
  if (dir) await page.screenshot({ path: join(dir, `setup-${name}.png`), fullPage: true });
}

