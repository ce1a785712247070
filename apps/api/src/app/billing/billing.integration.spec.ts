import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { InvoiceMailer, InvoiceRepository, readEmbeddedXml, RunService, seedBilling } from '@incubator/api/billing';
import type { BillingCustomer, BillingRun, BillingSettings, FloorPlanResponse, InvoiceDetail, InvoiceSummary, LeaseResponse, PageResponse, RentRollResponse } from '@incubator/contracts';
import { signIn, startTestApi, startTestWorker } from '../../test/test-app';
// The official EN 16931 validators live with the tools (test-only code; the product never imports them).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { expectValidEn16931, warmUpSchematron } from '../../../../../tools/einvoicing/expect-valid-en16931';

/**
 * The done-when of billing: one month billed for startups with a mid-month start, a resize and a
 * termination (with its deposit credited back); every rent line is the rent roll's to the cent; numbers
 * gapless; a run killed half-way and retried (twice at once) leaves each invoice once.
 */
/** Documents the product issued (other specs of the same organisation insert bare issued rows, without lines, for payments). */
const HAS_LINES = 'EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id)';

describe('billing runs (real PostgreSQL and Redis)', () => {
  const MONTH = '2033-01';
  let app: NestExpressApplication;
  let worker: INestApplicationContext | undefined;
  let api: string;
  let manager: Record<string, string>;
  let organisationId: string;
  let db: DataSource;
  const startups: Record<'arrival' | 'resize' | 'leaving', string> = { arrival: '', resize: '', leaving: '' };
  const leases: Record<string, string> = {};

  const send = async <T>(method: string, path: string, body?: unknown, headers = manager) => {
    const response = await fetch(`${api}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json().catch(() => null)) as T & { code?: string; details?: Record<string, unknown> } };
  };

  async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, attempts = 150): Promise<T> {
    for (let attempt = 0; attempt < attempts; attempt++) {
      const value = await read();
      if (ok(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return read();
  }

  const runInvoices = async (runId: string) =>
    db.query<Array<{ id: string; startup_id: string; status: string; number: string | null; sequence_number: number | null }>>(
      `SELECT id, startup_id, status, number, sequence_number FROM invoices WHERE run_id = $1 ORDER BY sequence_number NULLS LAST, id`,
      [runId],
    );

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    db = app.get(DataSource);
    manager = { ...(await signIn(api, 'manager@demo.test')), 'Content-Type': 'application/json' };
    organisationId = (await (await fetch(`${api}/auth/me`, { headers: manager })).json()).organisation.id;

    // Three startups of their own, on a floor of their own, priced explicitly.
    for (const key of Object.keys(startups) as Array<keyof typeof startups>) {
      const [row] = await db.query(`INSERT INTO startups (organisation_id, legal_name) VALUES ($1, $2) RETURNING id`, [organisationId, `Billing ${key} ${randomUUID().slice(0, 8)} SAS`]);
      startups[key] = row.id;
    }
    const [site] = await db.query(`INSERT INTO sites (organisation_id, slug, name, city, address) VALUES ($1, $2, $3, 'Lille', '12 rue du Test, 59000 Lille') RETURNING id`, [
      organisationId,
      `billing-${randomUUID()}`,
      `Billing campus ${randomUUID().slice(0, 8)}`,
    ]);
    const building = await send<{ id: string }>('POST', '/space/buildings', { siteId: site.id, name: `Building ${randomUUID()}` });
    const floor = await send<{ id: string }>('POST', '/space/floors', { buildingId: building.body.id, level: 0, name: 'Ground', layout: 'MMMMMMMM' });
    const plan = (await send<FloorPlanResponse>('GET', `/space/floors/${floor.body.id}/plan?on=2032-01-01`)).body;
    const modules = plan.modules.map((m) => m.id);
    const lease = async (startupId: string, moduleIds: string[], startsOn: string, price: number) => {
      const created = await send<LeaseResponse>('POST', '/leases', { startupId, moduleIds, startsOn, programKind: 'business_centre', monthlyPricePerM2Cents: price });
      expect(created.status).toBe(201);
      return created.body.id;
    };
    leases['arrival'] = await lease(startups.arrival, [modules[0]], '2033-01-15', 2_417);
    const resized = await lease(startups.resize, [modules[3]], '2032-12-01', 1_999);
    const grown = await send<LeaseResponse>('POST', `/leases/${resized}/resize`, { effectiveOn: '2033-01-10', addModuleId: modules[4] });
    expect(grown.status).toBe(201);
    leases['resizeBefore'] = resized;
    leases['resizeAfter'] = grown.body.id;
    leases['leaving'] = await lease(startups.leaving, [modules[6], modules[7]], '2032-10-01', 2_333);
    expect((await send('POST', `/leases/${leases['leaving']}/terminate`, { endsOn: '2033-01-20', reason: 'departure' })).status).toBe(200);

    // The leaving startup paid a deposit (outside the scope of VAT) and had coffee; the arrival has a billing profile in English.
    const deposit = { startupId: startups.leaving, kind: 'deposit', label: 'Dépôt de garantie', amountCents: 150_000, vatRateBp: 0, vatCategory: 'E', vatExemptionReason: 'Dépôt de garantie non soumis à la TVA', chargedOn: '2032-10-01', leaseId: leases['leaving'] };
    expect((await send('POST', '/billing/charges', deposit)).status).toBe(201);
    expect((await send('POST', '/billing/charges', { startupId: startups.leaving, kind: 'service', label: 'Café', amountCents: 1_234, vatRateBp: 2000, vatCategory: 'S', chargedOn: '2033-01-05' })).status).toBe(201);
    const profile = await send<BillingCustomer>('PUT', `/billing/customers/${startups.arrival}`, {
      legalName: 'Arrival Ltd',
      siren: '732829320',
      vatNumber: null,
      addressLine1: '1 Main Street',
      addressLine2: null,
      postcode: '59000',
      city: 'Lille',
      country: 'FR',
      recipients: ['Billing@Arrival.test'],
      paymentMethod: 'transfer',
      locale: 'en',
    });
    expect(profile).toMatchObject({ status: 200, body: { legalName: 'Arrival Ltd', recipients: ['billing@arrival.test'], mandate: null } });
  });

  afterAll(async () => {
    await worker?.close();
    await app.close();
  });

  it('finds the demo’s last complete month already billed: issued invoices, a credit note, a payment (and seeding again adds nothing)', async () => {
    const runs = (await send<BillingRun[]>('GET', '/billing/runs')).body;
    const seeded = runs.find((r) => r.status === 'issued');
    expect(seeded).toMatchObject({ status: 'issued', issuedCount: 3, draftCount: 0 });
    const issued = (await send<PageResponse<InvoiceSummary>>('GET', `/billing/invoices?runId=${seeded?.id}`)).body.items;
    expect(issued).toHaveLength(3);
    // Paid in full, partly credited (still due), untouched.
    expect(issued.map((i) => i.settlement).sort()).toEqual(['paid', 'unpaid', 'unpaid']);
    const roll = (await send<RentRollResponse>('GET', `/space/rent-roll?month=${seeded?.month}`)).body;
    for (const invoice of issued) {
      const detail = (await send<InvoiceDetail>('GET', `/billing/invoices/${invoice.id}`)).body;
      for (const line of detail.lines) expect(line.amountCents).toBe(roll.lines.find((r) => r.leaseId === line.leaseId)?.rentCents);
    }
    const notes = (await send<PageResponse<InvoiceSummary>>('GET', '/billing/invoices?kind=credit_note')).body.items;
    expect(notes.length).toBeGreaterThanOrEqual(1);
    const before = await db.query(`SELECT count(*)::int AS n FROM invoices WHERE organisation_id = $1`, [organisationId]);
    await db.transaction((manager) => seedBilling(manager, { organisationId, tenants: [] }));
    expect(await db.query(`SELECT count(*)::int AS n FROM invoices WHERE organisation_id = $1`, [organisationId])).toEqual(before);
  });

  it('checks the seller’s bank identifiers and keeps the migration’s defaults until saved', async () => {
    const defaults = await send<BillingSettings>('GET', '/billing/settings');
    expect(defaults.body).toMatchObject({ invoicePrefix: expect.any(String), recoveryIndemnityCents: expect.any(Number) });
    const bad = await send('PUT', '/billing/settings', { ...defaults.body, sepaCreditorId: 'FR72ZZZ123456', iban: 'FR7630006000011234567890188' });
    expect(bad).toMatchObject({ status: 400, body: { code: 'billing.iban_invalid' } });
    const low = await send('PUT', '/billing/settings', { ...defaults.body, recoveryIndemnityCents: 3999 });
    expect(low.status).toBe(400);
    const saved = await send<BillingSettings>('PUT', '/billing/settings', { ...defaults.body, iban: 'FR76 3000 6000 0112 3456 7890 189', sepaCreditorId: 'FR72ZZZ123456' });
    expect(saved).toMatchObject({ status: 200, body: { iban: 'FR7630006000011234567890189', sepaCreditorId: 'FR72ZZZ123456' } });
  });

  it('drafts the month once, killed half-way and retried twice at once, every rent line the rent roll’s cents', async () => {
    const created = await send<BillingRun>('POST', '/billing/runs', { month: MONTH });
    expect(created).toMatchObject({ status: 201, body: { month: MONTH, status: 'drafting' } });
    const runId = created.body.id;
    const again = await send('POST', '/billing/runs', { month: MONTH });
    expect(again).toMatchObject({ status: 409, body: { code: 'billing.run_exists', details: { runId } } });

    // No worker yet: the job waits in Redis. Run it here and "kill" it after the second committed draft.
    const runs = app.get(RunService);
    await expect(
      runs.draft(organisationId, runId, {
        afterDraft: (drafted) => {
          if (drafted === 2) throw new Error('worker killed');
        },
      }),
    ).rejects.toThrow('worker killed');
    const half = await runInvoices(runId);
    expect(half).toHaveLength(2);
    expect((await send<BillingRun>('GET', `/billing/runs/${runId}`)).body).toMatchObject({ status: 'drafting', progress: 2 });

    // The retry, and a second worker picking the same run at the same moment.
    await Promise.all([runs.draft(organisationId, runId), runs.draft(organisationId, runId)]);
    // Then the real worker starts and takes the queued job `billing-draft.{runId}`: nothing left to do.
    worker = await startTestWorker();
    const drafted = await eventually(
      () => send<BillingRun>('GET', `/billing/runs/${runId}`),
      (r) => r.body.status === 'drafted',
    );
    const roll = (await send<RentRollResponse>('GET', `/space/rent-roll?month=${MONTH}`)).body;
    const invoices = await runInvoices(runId);
    // One invoice per startup with rent (or pending charges, other tests' included), each once.
    expect(new Set(invoices.map((i) => i.startup_id)).size).toBe(invoices.length);
    expect([...new Set(roll.lines.map((l) => l.startupId))].every((id) => invoices.some((i) => i.startup_id === id))).toBe(true);
    expect(drafted.body).toMatchObject({ status: 'drafted', total: invoices.length, progress: invoices.length, draftCount: invoices.length });

    // Every rent line of every draft is its rent-roll line, to the cent; one line per lease version.
    const details = await Promise.all(invoices.map(async (i) => (await send<InvoiceDetail>('GET', `/billing/invoices/${i.id}`)).body));
    const rentLines = details.flatMap((d) => d.lines.filter((l) => l.kind === 'rent'));
    expect(rentLines.map((l) => [l.leaseId, l.amountCents, l.unitPriceCents, l.quantity]).sort()).toEqual(roll.lines.map((l) => [l.leaseId, l.rentCents, l.rentCents, 1]).sort());
    for (const d of details) {
      const vat = d.lines.reduce((sum, l) => sum + l.amountCents, 0);
      expect(d.totalExclVatCents).toBe(vat);
      expect(d.totalInclVatCents).toBe(d.totalExclVatCents + d.vatCents);
    }

    const of = (startupId: string) => details.find((d) => d.startupId === startupId) as InvoiceDetail;
    // Mid-month start: 17 days of 31, labelled in the customer's language.
    expect(of(startups.arrival).lines).toEqual([
      expect.objectContaining({ kind: 'rent', periodStart: '2033-01-15', periodEnd: '2033-02-01', amountCents: Math.floor((24 * 2_417 * 17 * 2 + 31) / 62), label: 'Office rent 24 m² — 15 to 31 Jan 2033 (17/31 d)' }),
    ]);
    // Resize on the 10th: two versions, two lines, their periods meeting.
    expect(of(startups.resize).lines.map((l) => [l.leaseId, l.periodStart, l.periodEnd])).toEqual([
      [leases['resizeBefore'], '2033-01-01', '2033-01-10'],
      [leases['resizeAfter'], '2033-01-10', '2033-02-01'],
    ]);
    expect(of(startups.resize).lines[0].label).toBe('Loyer bureau 24 m² — 1er au 9 janv. 2033 (9/31 j)');
    // Termination on the 20th: rent to the 19th, then the charges by date: the deposit, the coffee, the deposit credited back on the last day.
    expect(of(startups.leaving).lines.map((l) => [l.kind, l.amountCents, l.vatCategory])).toEqual([
      ['rent', roll.lines.find((l) => l.leaseId === leases['leaving'])?.rentCents, 'S'],
      ['deposit', 150_000, 'E'],
      ['service', 1_234, 'S'],
      ['deposit_refund', -150_000, 'E'],
    ]);
    expect(of(startups.leaving).customerName).toMatch(/^Billing leaving/);
    // A drafted profile for a startup without one: from the startup, at the leased site.
    const drafted_profile = await send<BillingCustomer>('GET', `/billing/customers/${startups.leaving}`);
    expect(drafted_profile.body).toMatchObject({ addressLine1: '12 rue du Test', postcode: '59000', city: 'Lille', paymentMethod: 'transfer' });
  });

  it('issues with gapless numbers: a cancelled draft takes none, two concurrent issues never share one', async () => {
    const runId = (await send<BillingRun[]>('GET', '/billing/runs')).body.find((r) => r.month === MONTH)?.id as string;
    const drafts = (await runInvoices(runId)).filter((i) => i.status === 'draft');
    const own = (startupId: string) => drafts.find((d) => d.startup_id === startupId)?.id as string;

    // The arrival's draft is cancelled: no number, and the run drafts nothing new for it.
    const cancelled = await send<InvoiceDetail>('POST', `/billing/invoices/${own(startups.arrival)}/cancel`);
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled', number: null } });
    expect((await send('POST', `/billing/invoices/${own(startups.arrival)}/cancel`)).body).toMatchObject({ code: 'billing.invoice_not_draft' });

    // The resize startup's drafted profile gets a recipient: the issue freezes the profile as it stands then.
    const drafted = (await send<BillingCustomer>('GET', `/billing/customers/${startups.resize}`)).body;
    const profile = { addressLine1: drafted.addressLine1, addressLine2: null, postcode: drafted.postcode || '59000', city: drafted.city, country: 'FR', siren: null, vatNumber: null, paymentMethod: 'transfer', locale: 'fr' };
    expect((await send('PUT', `/billing/customers/${startups.resize}`, { ...profile, legalName: 'Resize SAS', recipients: ['compta@resize.test'] })).status).toBe(200);

    // Two drafts issued at the same moment: distinct, consecutive numbers.
    const [a, b] = await Promise.all([send<InvoiceDetail>('POST', `/billing/invoices/${own(startups.resize)}/issue`), send<InvoiceDetail>('POST', `/billing/invoices/${own(startups.leaving)}/issue`)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.number).not.toBe(b.body.number);

    // The rest by the worker.
    expect((await send<BillingRun>('POST', `/billing/runs/${runId}/issue`)).status).toBe(202);
    const issued = await eventually(
      () => send<BillingRun>('GET', `/billing/runs/${runId}`),
      (r) => r.body.status === 'issued',
    );
    expect(issued.body).toMatchObject({ status: 'issued', draftCount: 0 });

    const invoices = (await runInvoices(runId)).filter((i) => i.status === 'issued');
    expect(invoices.length).toBe(drafts.length - 1);
    const sequences = invoices.map((i) => i.sequence_number as number).sort((x, y) => x - y);
    expect(sequences).toEqual(sequences.map((_, k) => sequences[0] + k));
    // The whole series of the year has no hole and no repeat (every issue in this database went through it).
    const [series] = await db.query(
      `SELECT count(*)::int AS n, count(DISTINCT sequence_number)::int AS distinct_n, min(sequence_number) AS first, max(sequence_number) AS last
       FROM invoices WHERE organisation_id = $1 AND kind = 'invoice' AND status = 'issued' AND sequence_year = $2`,
      [organisationId, Number(a.body.issueDate?.slice(0, 4))],
    );
    expect(series).toEqual({ n: series.last, distinct_n: series.last, first: 1, last: series.last });
    const [counter] = await db.query(`SELECT last_number FROM invoice_sequences WHERE organisation_id = $1 AND kind = 'invoice' AND year = $2`, [organisationId, Number(a.body.issueDate?.slice(0, 4))]);
    expect(counter.last_number).toBe(series.last);

    // Mailed once, to the recipients of the profile; the snapshot says Resize SAS.
    expect(a.body.customerName).toBe('Resize SAS');
    const emailed = await eventually(
      () => db.query<Array<{ emailed_at: Date | null }>>(`SELECT emailed_at FROM invoices WHERE id = $1`, [a.body.id]),
      (rows) => rows[0].emailed_at !== null,
    );
    expect(emailed[0].emailed_at).not.toBeNull();
    expect(await app.get(InvoiceMailer).send(organisationId, a.body.id)).toBe(0);

    const detail = (await send<InvoiceDetail>('GET', `/billing/invoices/${a.body.id}`)).body;
    expect(detail).toMatchObject({ status: 'issued', settlement: 'unpaid', number: expect.stringMatching(/^[A-Z0-9]+-\d{4}-\d{5}$/), balanceCents: detail.totalInclVatCents });
  });

  it('records an issued invoice as e-mailed once: the second caller learns it was already done', async () => {
    const [issued] = await db.query(`SELECT id FROM invoices WHERE organisation_id = $1 AND status = 'issued' LIMIT 1`, [organisationId]);
    await db.query(`UPDATE invoices SET emailed_at = NULL WHERE id = $1`, [issued.id]);
    const repository = app.get(InvoiceRepository);
    expect(await repository.markEmailed(organisationId, issued.id)).toBe(true);
    expect(await repository.markEmailed(organisationId, issued.id)).toBe(false);
  });

  it('refuses any change to an issued invoice in the database itself', async () => {
    const [issued] = await db.query(`SELECT id FROM invoices i WHERE organisation_id = $1 AND status = 'issued' AND ${HAS_LINES} LIMIT 1`, [organisationId]);
    await expect(db.query(`UPDATE invoices SET total_excl_vat_cents = 0, vat_cents = 0, total_incl_vat_cents = 0 WHERE id = $1`, [issued.id])).rejects.toThrow(/cannot be changed/);
    await expect(db.query(`UPDATE invoice_lines SET label = 'x' WHERE invoice_id = $1`, [issued.id])).rejects.toThrow(/cannot be changed/);
    await expect(db.query(`DELETE FROM invoices WHERE id = $1`, [issued.id])).rejects.toThrow(/cannot be deleted/);
  });

  it('credits an invoice in part then in whole, never beyond, in its own series', async () => {
    const [row] = await db.query(`SELECT id FROM invoices WHERE organisation_id = $1 AND status = 'issued' AND kind = 'invoice' AND startup_id = $2`, [organisationId, startups.leaving]);
    const invoice = (await send<InvoiceDetail>('GET', `/billing/invoices/${row.id}`)).body;
    const rent = invoice.lines.find((l) => l.kind === 'rent') as InvoiceDetail['lines'][number];

    const partial = await send<InvoiceDetail>('POST', `/billing/invoices/${invoice.id}/credit-notes`, { reason: 'Geste commercial', lines: [{ lineId: rent.id, amountCents: 1_000 }] });
    expect(partial).toMatchObject({ status: 201, body: { kind: 'credit_note', status: 'issued', creditedInvoiceId: invoice.id, creditedInvoiceNumber: invoice.number, totalExclVatCents: 1_000, vatCents: 200 } });
    expect(partial.body.number).toMatch(/-\d{4}-\d{5}$/);
    const beyond = await send('POST', `/billing/invoices/${invoice.id}/credit-notes`, { reason: 'Trop', lines: [{ lineId: rent.id, amountCents: rent.amountCents }] });
    expect(beyond).toMatchObject({ status: 409, body: { code: 'billing.credit_exceeds' } });

    const whole = await send<InvoiceDetail>('POST', `/billing/invoices/${invoice.id}/credit-notes`, { reason: 'Départ anticipé' });
    expect(whole.status).toBe(201);
    const after = (await send<InvoiceDetail>('GET', `/billing/invoices/${invoice.id}`)).body;
    expect(after).toMatchObject({ settlement: 'credited', balanceCents: 0 });
    expect(after.creditNotes.map((c) => c.id).sort()).toEqual([partial.body.id, whole.body.id].sort());
    expect((await send('POST', `/billing/invoices/${invoice.id}/credit-notes`, { reason: 'Encore' })).body).toMatchObject({ code: 'billing.nothing_to_credit' });
  });

  it('shows a startup member their own issued invoices only, and the documents', async () => {
    const founder = await signIn(api, 'startup@demo.test');
    const mine = await send<PageResponse<InvoiceSummary>>('GET', '/billing/invoices?limit=100', undefined, founder);
    expect(mine.status).toBe(200);
    const [{ startup_id: ownStartup }] = await db.query(`SELECT startup_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'startup@demo.test'`);
    expect(mine.body.items.every((i) => i.startupId === ownStartup && i.status === 'issued')).toBe(true);
    const [other] = await db.query(`SELECT id FROM invoices WHERE organisation_id = $1 AND startup_id = $2 AND status = 'issued' LIMIT 1`, [organisationId, startups.resize]);
    expect((await send('GET', `/billing/invoices/${other.id}`, undefined, founder)).status).toBe(404);
    expect((await send('GET', `/billing/invoices/${other.id}/pdf`, undefined, founder)).status).toBe(404);

    const pdf = await fetch(`${api}/billing/invoices/${other.id}/pdf`, { headers: manager });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toMatch(/application\/pdf/);
    const first = Buffer.from(await pdf.arrayBuffer());
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    const xml = await fetch(`${api}/billing/invoices/${other.id}/xml`, { headers: manager });
    expect(xml.status).toBe(200);
    expect(await xml.text()).toContain('CrossIndustryInvoice');
  });

  it('makes every invoice and credit note it issued — and the demo seed’s — a valid EN 16931 document, the same XML inside the PDF', async () => {
    await warmUpSchematron();
    const issued = await db.query<Array<{ id: string; number: string }>>(`SELECT id, number FROM invoices i WHERE organisation_id = $1 AND status = 'issued' AND ${HAS_LINES} ORDER BY number`, [organisationId]);
    const kinds = new Set((await db.query<Array<{ kind: string }>>(`SELECT DISTINCT kind FROM invoices i WHERE organisation_id = $1 AND status = 'issued' AND ${HAS_LINES}`, [organisationId])).map((r) => r.kind));
    expect(kinds).toEqual(new Set(['invoice', 'credit_note']));
    expect(issued.length).toBeGreaterThanOrEqual(8);
    for (const { id, number } of issued) {
      const xml = await (await fetch(`${api}/billing/invoices/${id}/xml`, { headers: manager })).text();
      await expectValidEn16931(xml, number);
      const pdf = Buffer.from(await (await fetch(`${api}/billing/invoices/${id}/pdf`, { headers: manager })).arrayBuffer());
      expect(await readEmbeddedXml(pdf)).toBe(xml);
    }
  }, 300_000);
});
