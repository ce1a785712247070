import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type {
  ApplicationDetailResponse,
  ApplicationDraftResponse,
  ApplicationSummaryResponse,
  CallResponse,
  DraftSessionResponse,
  FunnelResponse,
  ReviewApplicationResponse,
  ReviewAssignmentResponse,
  SessionResponse,
} from '@incubator/contracts';
import { type CaughtMail, startSmtpCatcher, waitForLinkToken } from '../../test/smtp-catcher';
import { signIn, startTestApi, startTestWorker } from '../../test/test-app';

type Headers = Record<string, string>;

/** The text of the mails to an address (quoted-printable undone). */
const mailsTo = (mails: CaughtMail[], to: string) => mails.filter((m) => m.to.includes(to)).map((m) => m.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='));

async function waitForApplicationLink(mails: CaughtMail[], to: string, after = 0, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const tokens = mailsTo(mails, to)
      .map((text) => text.match(/\/apply\/resume#token=([A-Za-z0-9_-]{43})/)?.[1])
      .filter((token): token is string => !!token);
    if (tokens.length > after) return tokens[tokens.length - 1];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no application link reached ${to}`);
}

async function waitForMail(mails: CaughtMail[], to: string, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = mailsTo(mails, to).find((text) => pattern.test(text));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail matching ${pattern} reached ${to}`);
}

/** A tiny but real PDF header and body. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

describe('calls for applications: public form, magic links, uploads, blind review, decisions (real PostgreSQL, Redis, SMTP)', () => {
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let api: string;
  let db: DataSource;
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
  let manager: Headers;
  let reviewer1: Headers;
  let reviewer2: Headers;
  let call: CallResponse;
  const savedSmtp = process.env['SMTP_URL'];
  const tag = randomUUID().slice(0, 8);
  const emailA = `founder-a-${tag}@apply.test`;
  const emailB = `founder-b-${tag}@apply.test`;
  // Luhn-valid SIRENs unlikely to be seeded.
  const sirenA = '404833048';
  const ids: { a?: string; b?: string; cohort?: string } = {};

  const send = async (method: string, path: string, body?: unknown, headers: Headers = {}) => {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: response.status, body: json as never, text, headers: response.headers };
  };

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    process.env['SMTP_URL'] = smtp.url;
    ({ app, url: api } = await startTestApi());
    worker = await startTestWorker();
    db = app.get(DataSource);
    manager = await signIn(api, 'manager@demo.test');
    reviewer1 = await signIn(api, 'reviewer@demo.test');

    // A second reviewer, invited like any member with the reviewer role.
    const admin = await signIn(api, 'admin@demo.test');
    const email2 = `jury-${tag}@demo.test`;
    expect((await send('POST', '/invitations', { email: email2, role: 'reviewer', locale: 'en' }, admin)).status).toBe(201);
    const { token } = await waitForLinkToken(smtp.mails, email2);
    const accepted = await send('POST', '/auth/invitations/accept', { token, displayName: 'Second Juror', password: 'correct horse battery' });
    expect(accepted.status).toBe(200);
    reviewer2 = { authorization: `Bearer ${(accepted.body as SessionResponse).accessToken}` };

    const [cohort] = await db.query(
      `SELECT c.id FROM cohorts c JOIN programs p ON p.id = c.program_id JOIN organisations o ON o.id = c.organisation_id
       WHERE o.slug = 'demo' AND p.name = 'Incubateur Lille' AND c.name = 'Promo 2026'`,
    );
    ids.cohort = cohort.id;
    const today = new Date().toISOString().slice(0, 10);
    const created = await send(
      'POST',
      '/calls',
      {
        cohortId: cohort.id,
        slug: `test-${tag}`,
        title: { fr: 'Appel test', en: 'Test call' },
        description: { fr: 'Un appel pour les tests.\nDeux lignes.', en: 'A call for the tests.\nTwo lines.' },
        opensOn: '2026-01-01',
        closesOn: today > '2030-01-01' ? today : '2030-12-31',
        assignmentMode: 'all',
        questions: [
          {
            kind: 'single_choice',
            label: { fr: 'Implanté en région ?', en: 'Based in the region?' },
            required: true,
            eligibility: true,
            options: [
              { value: 'yes', label: { fr: 'Oui', en: 'Yes' } },
              { value: 'no', label: { fr: 'Non', en: 'No' } },
            ],
            eligibleValues: ['yes'],
          },
          { kind: 'short_text', label: { fr: 'Votre projet', en: 'Your project' }, required: true, eligibility: false },
          { kind: 'file', label: { fr: 'Pitch deck', en: 'Pitch deck' }, required: false, eligibility: false },
        ],
        criteria: [
          { label: { fr: 'Équipe', en: 'Team' }, weight: 3 },
          { label: { fr: 'Marché', en: 'Market' }, weight: 1 },
        ],
      },
      manager,
    );
    expect(created.status).toBe(201);
    call = created.body as CallResponse;
    expect((await send('POST', `/calls/${call.id}/open`, undefined, manager)).status).toBe(200);
    const reviewerIds = (await db.query(`SELECT id FROM users WHERE email IN ('reviewer@demo.test', $1)`, [email2])).map((r: { id: string }) => r.id);
    const set = await send('PUT', `/calls/${call.id}/reviewers`, { userIds: reviewerIds }, manager);
    expect(set.status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    process.env['SMTP_URL'] = savedSmtp;
    await worker.close();
    await app.close();
    await smtp.stop();
  });

  const publicPath = () => `/public/calls/demo/${call.slug}`;
  const session = (token: string) => ({ 'X-Application-Session': token });

  async function openDraft(email: string, after = 0): Promise<string> {
    const token = await waitForApplicationLink(smtp.mails, email, after);
    const exchanged = await send('POST', '/public/applications/session', { token });
    expect(exchanged.status).toBe(200);
    return (exchanged.body as DraftSessionResponse).draftSession;
  }

  it('shows the public form in the caller’s language, eligibility first', async () => {
    const en = await send('GET', `${publicPath()}?lang=en`);
    expect(en.status).toBe(200);
    expect(en.body).toMatchObject({ title: 'Test call', acceptingApplications: true, questions: [{ label: 'Based in the region?', eligibility: true }, {}, {}] });
    const fr = await send('GET', publicPath(), undefined, { 'Accept-Language': 'fr-FR' });
    expect(fr.body).toMatchObject({ title: 'Appel test' });
    expect((await send('GET', '/public/calls/demo/no-such-call')).status).toBe(404);
  });

  it('starts a draft with a magic link, and refuses the same e-mail or SIREN in the call (409)', async () => {
    const start = await send('POST', `${publicPath()}/applications`, { email: emailA, startupName: 'Alpha Santé', siren: sirenA, locale: 'fr' });
    expect(start.status).toBe(202);
    const sameEmail = await send('POST', `${publicPath()}/applications`, { email: emailA.toUpperCase(), startupName: 'Other', locale: 'fr' }, { 'Accept-Language': 'en' });
    expect(sameEmail.status).toBe(409);
    expect(sameEmail.body).toMatchObject({ code: 'application.duplicate_email', fields: { email: ['already applied to this call'] } });
    const sameSiren = await send('POST', `${publicPath()}/applications`, { email: `x-${tag}@apply.test`, startupName: 'Other', siren: sirenA });
    expect(sameSiren.status).toBe(409);
    expect(sameSiren.body).toMatchObject({ code: 'application.duplicate_siren' });
    expect((await send('POST', `${publicPath()}/applications`, { email: emailB, startupName: 'Beta Health', locale: 'en' })).status).toBe(202);
  });

  it('uses a magic link once, and not after it expired; a new one can be asked for', async () => {
    const token = await waitForApplicationLink(smtp.mails, emailA);
    const first = await send('POST', '/public/applications/session', { token });
    expect(first.status).toBe(200);
    const again = await send('POST', '/public/applications/session', { token });
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ code: 'application.link_invalid' });

    const draft = await send('GET', '/public/applications/draft', undefined, session((first.body as DraftSessionResponse).draftSession));
    expect(draft.status).toBe(200);
    ids.a = (draft.body as ApplicationDraftResponse).id;
    expect((await send('GET', '/public/applications/draft', undefined, session('A'.repeat(43)))).status).toBe(401);

    const tokenB = await waitForApplicationLink(smtp.mails, emailB);
    await db.query(`UPDATE application_tokens t SET expires_at = now() - interval '1 minute' FROM applications a WHERE a.id = t.application_id AND a.email = $1`, [emailB]);
    expect((await send('POST', '/public/applications/session', { token: tokenB })).status).toBe(401);
    expect((await send('POST', `${publicPath()}/resume`, { email: emailB })).status).toBe(202);
    const sessionB = await openDraft(emailB, 1);
    ids.b = ((await send('GET', '/public/applications/draft', undefined, session(sessionB))).body as ApplicationDraftResponse).id;
  });

  it('takes a PDF of at most 10 MB: 413 above, 415 for what is not a PDF', async () => {
    await send('POST', `${publicPath()}/resume`, { email: emailA });
    const token = await openDraft(emailA, 1);
    const fileQuestion = call.questions[2];
    expect(fileQuestion.kind).toBe('file');
    const upload = (body: Buffer, type = 'application/pdf') =>
      fetch(`${api}/public/applications/draft/upload/${fileQuestion.id}`, {
        method: 'POST',
        headers: { 'Content-Type': type, 'X-File-Name': encodeURIComponent('Deck été.pdf'), ...session(token) },
        body: new Uint8Array(body),
      });
    expect((await upload(Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]))).status).toBe(413);
    const notPdf = await upload(Buffer.from('<html>not a pdf</html>'));
    expect(notPdf.status).toBe(415);
    expect((await upload(PDF, 'text/plain')).status).toBe(415);
    const ok = await upload(PDF);
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ fileName: 'Deck été.pdf', sizeBytes: PDF.length, contentType: 'application/pdf' });

    // Answers, then submission with a confirmation mail in French.
    const [eligibility, project] = call.questions;
    const bad = await send('PUT', '/public/applications/draft', { answers: { [eligibility.id]: 'maybe' } }, session(token));
    expect(bad.status).toBe(400);
    const early = await send('POST', '/public/applications/draft/submit', undefined, session(token));
    expect(early.status).toBe(400);
    const saved = await send('PUT', '/public/applications/draft', { answers: { [eligibility.id]: 'yes', [project.id]: 'Soigner mieux' } }, session(token));
    expect(saved.status).toBe(200);
    const submitted = await send('POST', '/public/applications/draft/submit', undefined, session(token));
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted' });
    await waitForMail(smtp.mails, emailA, /Nous avons bien re/);
    expect((await send('PUT', '/public/applications/draft', { startupName: 'Changed' }, session(token))).status).toBe(409);

    // B answers in English.
    await send('POST', `${publicPath()}/resume`, { email: emailB });
    const tokenB = await openDraft(emailB, 2);
    await send('PUT', '/public/applications/draft', { answers: { [eligibility.id]: 'yes', [project.id]: 'Better care' } }, session(tokenB));
    expect((await send('POST', '/public/applications/draft/submit', undefined, session(tokenB))).status).toBe(200);
    await waitForMail(smtp.mails, emailB, /We have received/);
  });

  it('hides the other reviewers’ scores until the reviewer has submitted their own (blind review)', async () => {
    const assigned = await send('POST', `/calls/${call.id}/assign`, undefined, manager);
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ created: 4, applications: 2 });
    const [team, market] = call.criteria;

    const first = await send('POST', `/reviews/${ids.a}/submit`, { scores: [{ criterionId: team.id, score: 5 }, { criterionId: market.id, score: 1 }], comment: 'SECRET-FIRST-COMMENT' }, reviewer1);
    expect(first.status).toBe(200);

    const before = await send('GET', `/reviews/${ids.a}`, undefined, reviewer2);
    expect(before.status).toBe(200);
    const hidden = before.body as ReviewApplicationResponse;
    expect(hidden.otherReviews).toBeNull();
    expect(hidden.myReview).toBeNull();
    expect(before.text).not.toContain('SECRET-FIRST-COMMENT');
    // A draft does not lift the blind either.
    const draft = await send('PUT', `/reviews/${ids.a}`, { scores: [{ criterionId: team.id, score: 2 }] }, reviewer2);
    expect((draft.body as ReviewApplicationResponse).otherReviews).toBeNull();
    expect(draft.text).not.toContain('SECRET-FIRST-COMMENT');
    expect((await send('POST', `/reviews/${ids.a}/submit`, { scores: [{ criterionId: team.id, score: 2 }] }, reviewer2)).status).toBe(400);

    const after = await send('POST', `/reviews/${ids.a}/submit`, { scores: [{ criterionId: team.id, score: 2 }, { criterionId: market.id, score: 3 }] }, reviewer2);
    expect(after.status).toBe(200);
    const shown = after.body as ReviewApplicationResponse;
    expect(shown.otherReviews).toHaveLength(1);
    expect(shown.otherReviews?.[0]).toMatchObject({ comment: 'SECRET-FIRST-COMMENT', weightedScore: 4 });
    expect((await send('PUT', `/reviews/${ids.a}`, { scores: [] }, reviewer2)).status).toBe(409);

    const file = await fetch(`${api}/reviews/${ids.a}/files/${call.questions[2].id}`, { headers: reviewer2 });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows a reviewer only their assignments; a conflict of interest takes them off', async () => {
    expect((await send('POST', `/reviews/${ids.b}/conflict`, { reason: 'I advise them' }, reviewer2)).status).toBe(204);
    expect((await send('GET', `/reviews/${ids.b}`, undefined, reviewer2)).status).toBe(404);
    const mine = (await send('GET', '/reviews', undefined, reviewer2)).body as ReviewAssignmentResponse[];
    expect(mine.map((r) => r.applicationId)).toEqual([ids.a]);
    // An application of the demo call, where this reviewer is not a reviewer.
    const [seeded] = await db.query(`SELECT a.id FROM applications a JOIN application_calls c ON c.id = a.call_id WHERE c.slug = 'health-2026' AND a.status <> 'draft' LIMIT 1`);
    expect((await send('GET', `/reviews/${seeded.id}`, undefined, reviewer2)).status).toBe(404);
    expect((await send('GET', `/reviews/${seeded.id}`, undefined, reviewer1)).status).toBe(200);
    // Reviewers reach nothing of the managers'.
    expect((await send('GET', `/applications/${ids.a}`, undefined, reviewer1)).status).toBe(403);
  });

  it('ranks with the weighted average, spread and disagreement, and exports the pipeline', async () => {
    const pipeline = (await send('GET', `/calls/${call.id}/applications`, undefined, manager)).body as ApplicationSummaryResponse[];
    const a = pipeline.find((row) => row.id === ids.a);
    // Reviewer 1: (5×3 + 1×1)/4 = 4; reviewer 2: (2×3 + 3×1)/4 = 2.25.
    expect(a).toMatchObject({ rank: 1, reviewCount: 2, weightedAverage: 3.13, spread: 1.75, disagreement: true });
    const csv = await fetch(`${api}/calls/${call.id}/applications/export?format=csv`, { headers: { ...manager, 'Accept-Language': 'en' } });
    expect(csv.status).toBe(200);
    const english = (await csv.text()).split('\n').find((line) => line.includes('Alpha Santé'));
    // Status and decision as words, scores with a decimal point.
    expect(english).toMatch(/,(Draft|Submitted|In review|Shortlisted|Pitch|Decided),/);
    expect(english).toContain(',3.13,1.75,yes,2,');
    const french = await fetch(`${api}/calls/${call.id}/applications/export?format=csv`, { headers: { ...manager, 'Accept-Language': 'fr-FR,fr;q=0.9' } });
    const frenchBytes = Buffer.from(await french.arrayBuffer()); // text() would drop the BOM
    expect([...frenchBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const frenchText = frenchBytes.toString('utf8');
    expect(frenchText).toContain('\r\n');
    const frenchLine = frenchText.split('\r\n').find((line) => line.includes('Alpha Santé'));
    expect(frenchLine).toMatch(/;(Brouillon|Déposée|En évaluation|Présélectionnée|Pitch|Décidée);/);
    expect(frenchLine).toContain(';3,13;1,75;oui;2;');
    const xlsx = await fetch(`${api}/calls/${call.id}/applications/export?format=xlsx`, { headers: manager });
    expect(xlsx.status).toBe(200);
  });

  it('admits (startup + enrollment "admitted" + portal invitation) and rejects, each decision mail once in the applicant’s language', async () => {
    expect((await send('POST', `/applications/${ids.a}/status`, { status: 'shortlisted' }, manager)).status).toBe(200);
    expect((await send('POST', `/applications/${ids.a}/status`, { status: 'pitch' }, manager)).status).toBe(400);
    const pitch = await send('POST', `/applications/${ids.a}/status`, { status: 'pitch', pitchAt: '2030-03-01T10:00:00Z' }, manager);
    expect(pitch.body).toMatchObject({ status: 'pitch', pitchAt: '2030-03-01T10:00:00.000Z' });

    const admitted = await send('POST', `/applications/${ids.a}/decision`, { decision: 'admit' }, manager);
    expect(admitted.status).toBe(200);
    const detail = admitted.body as ApplicationDetailResponse;
    expect(detail).toMatchObject({ status: 'decided', decision: 'admit' });
    const [startup] = await db.query('SELECT id, legal_name, siren FROM startups WHERE id = $1', [detail.startupId]);
    expect(startup).toMatchObject({ legal_name: 'Alpha Santé', siren: sirenA });
    const [enrollment] = await db.query('SELECT status, cohort_id FROM enrollments WHERE id = $1', [detail.enrollmentId]);
    expect(enrollment).toEqual({ status: 'admitted', cohort_id: ids.cohort });
    expect((await send('POST', `/applications/${ids.a}/decision`, { decision: 'reject' }, manager)).status).toBe(409);

    expect((await send('POST', `/applications/${ids.b}/decision`, { decision: 'reject' }, manager)).status).toBe(200);

    await waitForMail(smtp.mails, emailA, /est admise dans/);
    await waitForMail(smtp.mails, emailB, /About your application/);
    await waitForLinkToken(smtp.mails, emailA, 'invitation');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const decisionMails = (to: string) => mailsTo(smtp.mails, to).filter((text) => /admise dans|was not selected/.test(text));
    expect(decisionMails(emailA)).toHaveLength(1);
    expect(decisionMails(emailB)).toHaveLength(1);
    expect(decisionMails(emailB)[0]).not.toMatch(/Bonjour/);

    const funnel = (await send('GET', `/calls/${call.id}/funnel`, undefined, manager)).body as FunnelResponse;
    expect(funnel).toMatchObject({ applications: 2, reviewed: 1, admitted: 1, rejected: 1 });
  });

  it('answers 404 to another organisation’s ids', async () => {
    const other = await signIn(api, 'manager@other.test');
    expect((await send('GET', `/calls/${call.id}`, undefined, other)).status).toBe(404);
    expect((await send('GET', `/applications/${ids.b}`, undefined, other)).status).toBe(404);
    expect((await send('POST', `/applications/${ids.b}/decision`, { decision: 'admit' }, other)).status).toBe(404);
    expect((await send('PUT', `/calls/${call.id}/reviewers`, { userIds: [] }, other)).status).toBe(404);
    const foreignCohort = await send(
      'POST',
      '/calls',
      {
        cohortId: ids.cohort,
        slug: `x-${tag}`,
        title: { fr: 'x', en: 'y' },
        description: { fr: 'x', en: 'y' },
        opensOn: '2026-01-01',
        closesOn: '2026-02-01',
        assignmentMode: 'all',
        questions: [],
        criteria: [],
      },
      other,
    );
    expect(foreignCohort.status).toBe(404);
  });
});
