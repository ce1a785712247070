import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import type { PublicCallResponse, ReviewApplicationResponse } from '@incubator/contracts';
import { DEMO_PASSWORD, signIn, web } from './sign-in';
import { linkIn, mailsTo } from './mailbox';
import { sirenFrom } from './siren';

/**
 * Issue 19's journey, in French: a founder applies to the demo's open call without an account and
 * uploads a deck; two reviewers score it blind (the API hides the first review from the second until
 * they submit theirs); the manager admits it; the startup and its enrollment exist, and the founder
 * receives the decision and the invitation to the startup portal.
 */
test.describe('calls for applications', () => {
  test.use({ locale: 'fr-FR', viewport: { width: 1440, height: 1000 } });

  const api = () => `${web()}/api`;
  const founderEmail = `fondatrice.${Date.now()}@dunes-sante.test`;
  const startupName = 'Dunes Santé SAS';
  const juryEmail = `jury.${Date.now()}@partenaire.test`;

  test('a founder applies with a deck, two reviewers score it blind, the manager admits it', async ({ page, browser, request }) => {
    test.setTimeout(300_000);
    const manager = await bearer(request, 'manager@demo.test');
    const calls = await (await request.get(`${api()}/calls`, { headers: manager })).json();
    const call = calls.find((c: { slug: string }) => c.slug === 'health-2026');
    expect(call).toBeTruthy();

    // A second reviewer joins the jury: invited by the admin, account created from the mailed link.
    const admin = await bearer(request, 'admin@demo.test');
    expect((await request.post(`${api()}/invitations`, { headers: admin, data: { email: juryEmail, role: 'reviewer', locale: 'fr' } })).status()).toBe(201);
    const jury = await browser.newPage({ locale: 'fr-FR' });
    await jury.goto(linkIn(await mailsTo(juryEmail, /\/invitation#token=/), /https?:\/\/\S+\/invitation#token=\S+/));
    await jury.getByTestId('invitation-name').fill('Jules Jury');
    await jury.getByTestId('invitation-password').fill(DEMO_PASSWORD);
    await jury.getByTestId('invitation-password-confirm').fill(DEMO_PASSWORD);
    await jury.getByTestId('invitation-submit').click();
    await expect(jury).toHaveURL(/\/review/);
    const candidates = await (await request.get(`${api()}/calls/${call.id}/reviewer-candidates`, { headers: manager })).json();
    const userIds = candidates.map((c: { userId: string }) => c.userId);
    expect(userIds.length).toBeGreaterThanOrEqual(2);
    expect((await request.put(`${api()}/calls/${call.id}/reviewers`, { headers: manager, data: { userIds, assignmentMode: 'all' } })).status()).toBe(200);

    // 1. The founder, without an account, starts an application and follows the magic link.
    const founder = await browser.newPage({ locale: 'fr-FR' });
    await founder.goto(`${web()}/apply/demo/health-2026`);
    await founder.getByTestId('apply-email').fill(founderEmail);
    await founder.getByTestId('apply-startup-name').fill(startupName);
    await founder.getByTestId('apply-siren').fill(sirenFrom(`8${String(Date.now()).slice(-7)}`));
    await founder.getByTestId('apply-start').click();
    await expect(founder.getByTestId('apply-sent')).toBeVisible();
    await founder.goto(linkIn(await mailsTo(founderEmail, /\/apply\/resume#token=/), /https?:\/\/\S+\/apply\/resume#token=\S+/));

    // 2. Every question answered in French, the deck uploaded, submitted.
    const form: PublicCallResponse = await (await request.get(`${api()}/public/calls/demo/health-2026`, { headers: { 'Accept-Language': 'fr' } })).json();
    for (const question of form.questions) {
      const field = founder.getByTestId(`draft-question-${question.id}`);
      if (question.kind === 'single_choice') await field.selectOption(question.eligibility ? 'yes' : question.options[0].value);
      else if (question.kind === 'multiple_choice') await founder.getByTestId(`draft-question-${question.id}-${question.options[0].value}`).locator('input').check();
      else if (question.kind === 'number') await field.fill('4');
      else if (question.kind === 'file') {
        await founder.getByTestId(`draft-upload-${question.id}`).setInputFiles({ name: 'pitch-deck.pdf', mimeType: 'application/pdf', buffer: tinyPdf() });
        await expect(founder.getByTestId(`draft-file-${question.id}`)).toContainText('pitch-deck.pdf');
      } else await field.fill(question.kind === 'short_text' ? 'Le suivi des patients chroniques à domicile' : 'Les infirmiers libéraux perdent des heures à coordonner les soins.');
    }
    await founder.getByTestId('draft-submit').click();
    await expect(founder.getByTestId('draft-submitted')).toBeVisible();

    // 3. The manager hands it to the jury.
    expect((await request.post(`${api()}/calls/${call.id}/assign`, { headers: manager })).status()).toBeLessThan(300);
    const pipeline = await (await request.get(`${api()}/calls/${call.id}/applications?q=${encodeURIComponent('Dunes')}`, { headers: manager })).json();
    expect(pipeline).toHaveLength(1);
    const applicationId: string = pipeline[0].id;

    // 4. The first reviewer scores it in the browser.
    const reviewer = await browser.newPage({ locale: 'fr-FR' });
    await signIn(reviewer, 'reviewer@demo.test');
    await score(reviewer, applicationId, '5', 'Équipe solide, marché clair.');

    // The second reviewer cannot see the first review until they submit their own — in the API and on the page.
    const juryToken = await bearer(request, juryEmail);
    const blind: ReviewApplicationResponse = await (await request.get(`${api()}/reviews/${applicationId}`, { headers: juryToken })).json();
    expect(blind.otherReviews).toBeNull();
    expect(JSON.stringify(blind)).not.toContain('Équipe solide');
    await jury.goto(`${web()}/review/${applicationId}`);
    await expect(jury.getByTestId('review-submit')).toBeVisible();
    await expect(jury.getByTestId('review-others')).toHaveCount(0);
    await score(jury, applicationId, '3', 'Prometteur, chiffres à confirmer.');
    await expect(jury.getByTestId('review-others')).toContainText('Équipe solide');
    const open: ReviewApplicationResponse = await (await request.get(`${api()}/reviews/${applicationId}`, { headers: juryToken })).json();
    expect(open.otherReviews?.length).toBe(1);

    // 5. The manager admits it into the cohort.
    await signIn(page, 'manager@demo.test');
    await page.goto(`${web()}/manage/calls/${call.id}/applications/${applicationId}`);
    await page.getByTestId('application-decide-admit').click();
    await page.getByTestId('application-decision-confirm').click();
    await expect(page.getByTestId('application-decided')).toBeVisible();
    await expect(page.getByTestId('application-startup-link')).toBeVisible();

    // The startup exists with its enrollment admitted in the call's cohort.
    const startups = await (await request.get(`${api()}/startups?q=${encodeURIComponent('Dunes Santé')}`, { headers: manager })).json();
    expect(startups.items).toHaveLength(1);
    expect(startups.items[0].currentEnrollment).toMatchObject({ cohortId: call.cohortId, status: 'admitted' });

    // 6. The founder's mailbox: the decision, in French, and the invitation to the startup portal.
    const mails = await mailsTo(founderEmail, /Félicitations/);
    expect(mails.some((m) => /Subject: Félicitations : votre candidature est retenue/.test(m))).toBe(true);
    await mailsTo(founderEmail, /\/invitation#token=/);
  });
});

/** Scores every criterion, comments and submits on the review page. */
async function score(page: Page, applicationId: string, value: string, comment: string): Promise<void> {
  await page.goto(`${web()}/review/${applicationId}`);
  const selects = page.locator('[data-testid^="review-score-"]');
  await expect(selects.first()).toBeVisible();
  for (const select of await selects.all()) await select.selectOption(value);
  await page.getByTestId('review-comment').fill(comment);
  await page.getByTestId('review-submit').click();
  await expect(page.getByTestId('review-submitted')).toBeVisible();
}

async function bearer(request: APIRequestContext, email: string): Promise<Record<string, string>> {
  const response = await request.post(`${web()}/api/auth/login`, { data: { email, password: DEMO_PASSWORD } });
  expect(response.status()).toBe(200);
  return { authorization: `Bearer ${(await response.json()).accessToken}` };
}

/** A small, real PDF (header, one empty page, trailer). */
function tinyPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  );
}

