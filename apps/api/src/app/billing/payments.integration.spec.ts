import type { NestExpressApplication } from '@nestjs/platform-express';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { FEC_COLUMNS, OverdueReminderRepository, OverdueReminders, PaymentRepository, settlementStatus } from '@incubator/api/billing';
import { QueueName } from '@incubator/contracts';
import type { BankStatementImportResult, BillingQuarterSummary, Payment } from '@incubator/contracts';
import { signIn, startTestApi } from '../../test/test-app';
import { freshPrefix, insertInvoice, insertStartup, upsertCustomer } from './payments.fixtures';

const CAMT_SAMPLE = readFileSync(join(__dirname, '../../../../../libs/api/billing/src/lib/payments/fixtures/camt053-sample.xml'), 'utf8');

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('payments, bank statements, direct debits, FEC and the board summary (real PostgreSQL and Redis)', () => {
  let app: NestExpressApplication;
  let api: string;
  let db: DataSource;
  let manager: Record<string, string>;
  let founder: Record<string, string>;
  let board: Record<string, string>;
  let otherManager: Record<string, string>;
  let organisationId: string;
  let ownStartup: string;
  let neighbour: string;
  let prefix: string;
  let sequence = 0;
  const number = () => `${prefix}-2026-${String(++sequence).padStart(5, '0')}`;

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    db = app.get(DataSource);
    manager = { ...(await signIn(api, 'manager@demo.test')), 'Content-Type': 'application/json' };
    founder = { ...(await signIn(api, 'startup@demo.test')), 'Content-Type': 'application/json' };
    board = { ...(await signIn(api, 'board@demo.test')), 'Content-Type': 'application/json' };
    otherManager = { ...(await signIn(api, 'manager@other.test')), 'Content-Type': 'application/json' };
    organisationId = (await (await fetch(`${api}/auth/me`, { headers: manager })).json()).organisation.id;
    [{ id: ownStartup }] = await db.query(`SELECT startup_id AS id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'startup@demo.test'`);
    neighbour = await insertStartup(db, organisationId, 'Voisine SAS');
    prefix = freshPrefix();
  });

  afterAll(() => app.close());

  const send = async <T>(method: string, path: string, body?: unknown, headers = manager) => {
    const response = await fetch(`${api}${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* a file */
    }
    return { status: response.status, body: parsed as T & { code?: string; details?: Record<string, unknown> }, headers: response.headers, text };
  };
  const xmlHeaders = () => ({ ...manager, 'Content-Type': 'application/xml' });
  const settlement = async (invoiceId: string, today = isoDay(0)) => {
    const invoice = await app.get(PaymentRepository).payableInvoice(db, organisationId, invoiceId);
    return invoice && { settlement: settlementStatus({ ...invoice, dueDate: invoice.dueDate }, today), paid: invoice.paidCents };
  };
  const invoiceFor = (startupId: string, totalExclVatCents: number, extra: Partial<Parameters<typeof insertInvoice>[2]> = {}) =>
    insertInvoice(db, organisationId, {
      startupId,
      number: number(),
      customerName: startupId === ownStartup ? 'Founder SAS' : 'Voisine SAS',
      totalExclVatCents,
      vatCents: Math.round(totalExclVatCents / 5),
      issueDate: isoDay(-5),
      dueDate: isoDay(25),
      ...extra,
    });

  it('records partial then full payments (→ paid), refuses more than the balance, deletes a mistaken entry (audited)', async () => {
    const invoiceId = await invoiceFor(ownStartup, 100000); // 1 200,00 € incl. VAT
    const first = await send<Payment>('POST', '/billing/payments', { invoiceId, kind: 'transfer', amountCents: 50000, receivedOn: isoDay(0), reference: 'VIR 1' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ invoiceId, startupId: ownStartup, kind: 'transfer', amountCents: 50000, reference: 'VIR 1' });
    expect(await settlement(invoiceId)).toEqual({ settlement: 'partially_paid', paid: 50000 });

    const tooMuch = await send('POST', '/billing/payments', { invoiceId, kind: 'transfer', amountCents: 70001, receivedOn: isoDay(0) }, { ...manager, 'Accept-Language': 'en' });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({ code: 'payment.exceeds_balance', details: { balance: '700.00', balanceCents: 70000 } });
    expect(tooMuch.body).toMatchObject({ fields: { amountCents: ['at most the balance: €700.00'] } });

    const rest = await send<Payment>('POST', '/billing/payments', { invoiceId, kind: 'direct_debit', amountCents: 70000, receivedOn: isoDay(0) });
    expect(rest.status).toBe(201);
    expect(await settlement(invoiceId)).toEqual({ settlement: 'paid', paid: 120000 });
    expect((await send('POST', '/billing/payments', { invoiceId, kind: 'other', amountCents: 1, receivedOn: isoDay(0) })).body.code).toBe('payment.exceeds_balance');

    const listed = await send<Payment[]>('GET', `/billing/payments?invoiceId=${invoiceId}`);
    expect(listed.body.map((p) => p.amountCents).sort()).toEqual([50000, 70000]);

    expect((await send('DELETE', `/billing/payments/${rest.body.id}`)).status).toBe(204);
    expect(await settlement(invoiceId)).toEqual({ settlement: 'partially_paid', paid: 50000 });
    expect((await send('DELETE', `/billing/payments/${rest.body.id}`)).body.code).toBe('payment.payment_not_found');
    const [audit] = await db.query(`SELECT action FROM audit_events WHERE organisation_id = $1 AND entity_type = 'payment' AND entity_id = $2 AND action = 'payment.deleted'`, [
      organisationId,
      rest.body.id,
    ]);
    expect(audit).toEqual({ action: 'payment.deleted' });

    const draft = await insertInvoice(db, organisationId, { startupId: ownStartup, number: null, customerName: 'Founder SAS', totalExclVatCents: 100, vatCents: 0, issueDate: isoDay(0), dueDate: isoDay(30), status: 'draft' });
    expect((await send('POST', '/billing/payments', { invoiceId: draft, kind: 'transfer', amountCents: 1, receivedOn: isoDay(0) })).body.code).toBe('payment.invoice_not_payable');
    const credit = await invoiceFor(ownStartup, 1000, { kind: 'credit_note', creditedInvoiceId: invoiceId });
    expect((await send('POST', '/billing/payments', { invoiceId: credit, kind: 'transfer', amountCents: 1, receivedOn: isoDay(0) })).body.code).toBe('payment.invoice_not_payable');
    expect(await settlement(invoiceId)).toEqual({ settlement: 'partially_paid', paid: 50000 });
  });

  it('keeps payments to their tenant: a founder sees their own startup’s only, another organisation none; the board no payments at all', async () => {
    const neighbourInvoice = await invoiceFor(neighbour, 5000);
    const paid = await send<Payment>('POST', '/billing/payments', { invoiceId: neighbourInvoice, kind: 'transfer', amountCents: 1000, receivedOn: isoDay(0) });
    expect(paid.status).toBe(201);

    const mine = await send<Payment[]>('GET', `/billing/payments?startupId=${neighbour}`, undefined, founder);
    expect(mine.status).toBe(200);
    expect(mine.body.length).toBeGreaterThan(0);
    expect(mine.body.every((p) => p.startupId === ownStartup)).toBe(true);
    expect((await send<Payment[]>('GET', `/billing/payments?invoiceId=${neighbourInvoice}`, undefined, founder)).body).toEqual([]);
    expect((await send('POST', '/billing/payments', { invoiceId: neighbourInvoice, kind: 'transfer', amountCents: 1, receivedOn: isoDay(0) }, founder)).status).toBe(403);

    expect((await send<Payment[]>('GET', `/billing/payments?invoiceId=${neighbourInvoice}`, undefined, otherManager)).body).toEqual([]);
    expect((await send('DELETE', `/billing/payments/${paid.body.id}`, undefined, otherManager)).status).toBe(404);
    expect((await send('POST', '/billing/payments', { invoiceId: neighbourInvoice, kind: 'transfer', amountCents: 1, receivedOn: isoDay(0) }, otherManager)).body.code).toBe(
      'payment.invoice_not_found',
    );
    expect((await send('GET', '/billing/payments', undefined, board)).status).toBe(403);
  });

  it('imports a CAMT.053 statement: booked credits naming an invoice become payments, once; hostile XML is a 4xx', async () => {
    const firstNumber = number();
    const secondNumber = number();
    const first = await invoiceFor(ownStartup, 100000, { number: firstNumber }); // 1 200,00 €
    const second = await invoiceFor(neighbour, 30000, { number: secondNumber }); // 360,00 €
    const run = prefix.toLowerCase();
    const statement = CAMT_SAMPLE.replaceAll('F-2026-00001', firstNumber)
      .replaceAll('F202600002', secondNumber.replace(/-/g, ''))
      .replaceAll('F-2026-00003', number())
      .replace(/202611300000(\d)AB/g, `${run}-$1`);

    const imported = await send<BankStatementImportResult>('POST', '/billing/bank-statements', statement, xmlHeaders());
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({
      entries: 4,
      matched: [
        { entryReference: `${run}-1`, invoiceNumber: firstNumber, amountCents: 120000 },
        { entryReference: `${run}-2`, invoiceNumber: secondNumber, amountCents: 25050 },
      ],
      unmatched: [
        expect.objectContaining({ entryReference: `${run}-3`, reason: 'not_a_credit' }),
        expect.objectContaining({ entryReference: `${run}-4`, reason: 'not_booked' }),
      ],
      alreadyImported: 0,
    });
    expect(await settlement(first)).toEqual({ settlement: 'paid', paid: 120000 });
    expect(await settlement(second)).toEqual({ settlement: 'partially_paid', paid: 25050 });

    const again = await send<BankStatementImportResult>('POST', '/billing/bank-statements', statement, { ...manager, 'Content-Type': 'text/xml; charset=utf-8' });
    expect(again.body).toMatchObject({ entries: 4, matched: [], alreadyImported: 2 });
    expect(await settlement(second)).toEqual({ settlement: 'partially_paid', paid: 25050 });

    // An amount above the balance is not matched (the rest of the second invoice is 110,50 €).
    const over = statement.replace(`${run}-2`, `${run}-5`).replace(`${run}-1`, `${run}-6`);
    const overImport = await send<BankStatementImportResult>('POST', '/billing/bank-statements', over, xmlHeaders());
    expect(overImport.body.unmatched).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entryReference: `${run}-5`, reason: 'exceeds_balance' }),
        expect.objectContaining({ entryReference: `${run}-6`, reason: 'exceeds_balance' }),
      ]),
    );

    const hostile = {
      laughs: `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]><Document><BkToCstmrStmt>&lol2;</BkToCstmrStmt></Document>`,
      external: `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document><BkToCstmrStmt>&x;</BkToCstmrStmt></Document>`,
      malformed: '<Document><BkToCstmrStmt><Stmt></Document>',
      notCamt: '<Document><CstmrCdtTrfInitn/></Document>',
      nul: '<Document><BkToCstmrStmt>\u0000</BkToCstmrStmt></Document>',
    };
    expect((await send('POST', '/billing/bank-statements', hostile.laughs, xmlHeaders())).body).toMatchObject({ code: 'payment.statement_has_dtd' });
    expect((await send('POST', '/billing/bank-statements', hostile.external, xmlHeaders())).body).toMatchObject({ code: 'payment.statement_has_dtd' });
    expect((await send('POST', '/billing/bank-statements', hostile.malformed, xmlHeaders())).body).toMatchObject({ code: 'payment.statement_malformed' });
    expect((await send('POST', '/billing/bank-statements', hostile.notCamt, xmlHeaders())).body).toMatchObject({ code: 'payment.statement_not_camt053' });
    expect((await send('POST', '/billing/bank-statements', hostile.nul, xmlHeaders())).status).toBe(400);
    expect((await send('POST', '/billing/bank-statements', { xml: statement })).status).toBe(415);
    expect((await send('POST', '/billing/bank-statements', `<Document>${' '.repeat(2.5 * 1024 * 1024)}</Document>`, xmlHeaders())).status).toBe(413);
    expect((await send('POST', '/billing/bank-statements', statement, { ...founder, 'Content-Type': 'application/xml' })).status).toBe(403);
    expect(await settlement(second)).toEqual({ settlement: 'partially_paid', paid: 25050 });
  });

  it('builds the pain.008 batch of the invoices due from mandated customers, as a download', async () => {
    const mandated = await insertStartup(db, organisationId, 'Prélevée & Cie');
    const reference = `RUM-${prefix}`;
    await upsertCustomer(db, organisationId, mandated, {
      legalName: 'Prélevée & Cie',
      paymentMethod: 'direct_debit',
      mandate: { reference, signedOn: isoDay(-60), iban: 'FR1420041010050500013M02606' },
    });
    await db.query(
      `INSERT INTO billing_settings (organisation_id, iban, bic, sepa_creditor_id) VALUES ($1, 'FR7630006000011234567890189', 'AGRIFRPP', 'FR72ZZZ123456')
       ON CONFLICT (organisation_id) DO UPDATE SET iban = EXCLUDED.iban, bic = EXCLUDED.bic, sepa_creditor_id = EXCLUDED.sepa_creditor_id`,
      [organisationId],
    );
    const dueNumber = number();
    const due = await invoiceFor(mandated, 10000, { number: dueNumber, dueDate: isoDay(3), paymentMethod: 'direct_debit', mandateReference: reference });
    await send('POST', '/billing/payments', { invoiceId: due, kind: 'transfer', amountCents: 2000, receivedOn: isoDay(0) });
    const laterNumber = number();
    await invoiceFor(mandated, 10000, { number: laterNumber, dueDate: isoDay(40), paymentMethod: 'direct_debit', mandateReference: reference });
    const transferNumber = number();
    await invoiceFor(neighbour, 10000, { number: transferNumber, dueDate: isoDay(1) });

    const batch = await send('POST', '/billing/direct-debits', { collectionDate: isoDay(5) });
    expect(batch.status).toBe(200);
    expect(batch.headers.get('content-type')).toContain('application/xml');
    expect(batch.headers.get('content-disposition')).toBe(`attachment; filename="prelevements-${isoDay(5)}.xml"`);
    const xml = batch.text;
    expect(xml).toContain('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.02">');
    expect(xml).toContain('<Id>FR72ZZZ123456</Id>');
    expect(xml).toContain(`<ReqdColltnDt>${isoDay(5)}</ReqdColltnDt>`);
    const tx = new RegExp(`<DrctDbtTxInf>\\s*<PmtId>\\s*<EndToEndId>${dueNumber}</EndToEndId>[\\s\\S]*?</DrctDbtTxInf>`).exec(xml)?.[0] ?? '';
    expect(tx).toContain('<InstdAmt Ccy="EUR">100.00</InstdAmt>'); // 120,00 € − 20,00 € paid
    expect(tx).toContain(`<MndtId>${reference}</MndtId>`);
    expect(tx).toContain(`<DtOfSgntr>${isoDay(-60)}</DtOfSgntr>`);
    expect(tx).toContain('<IBAN>FR1420041010050500013M02606</IBAN>');
    expect(tx).toContain('<Nm>Prelevee + Cie</Nm>');
    expect(xml).not.toContain(laterNumber);
    expect(xml).not.toContain(transferNumber);
    const firstBlock = /<PmtInf>[\s\S]*?<\/PmtInf>/.exec(xml.slice(xml.lastIndexOf('<PmtInf>', xml.indexOf(dueNumber))))?.[0] ?? '';
    expect(firstBlock).toContain('<SeqTp>FRST</SeqTp>');
    const amounts = [...xml.matchAll(/<InstdAmt Ccy="EUR">(\d+)\.(\d{2})<\/InstdAmt>/g)].map((m) => Number(m[1]) * 100 + Number(m[2]));
    const sum = amounts.reduce((a, b) => a + b, 0);
    expect(/<GrpHdr>[\s\S]*?<NbOfTxs>(\d+)<\/NbOfTxs>/.exec(xml)?.[1]).toBe(String(amounts.length));
    expect(/<GrpHdr>[\s\S]*?<CtrlSum>([\d.]+)<\/CtrlSum>/.exec(xml)?.[1]).toBe(`${Math.floor(sum / 100)}.${String(sum % 100).padStart(2, '0')}`);

    expect((await send('POST', '/billing/direct-debits', { collectionDate: isoDay(-1) })).body.code).toBe('payment.collection_date_past');
    expect((await send('POST', '/billing/direct-debits', { collectionDate: isoDay(5) }, otherManager)).body.code).toMatch(/^payment\.direct_debit_(not_configured|nothing_due)$/);
    expect((await send('POST', '/billing/direct-debits', { collectionDate: 'tomorrow' })).status).toBe(400);
    expect((await send('POST', '/billing/direct-debits', { collectionDate: isoDay(5) }, founder)).status).toBe(403);
  });

  it('exports a balanced FEC, the invoices and payments as CSV, and the board’s quarterly totals', async () => {
    // Q1 2031 holds only this test's documents (overdue also counts every older unpaid invoice: compared with before).
    const before = (await send<BillingQuarterSummary[]>('GET', '/billing/summary?from=2031-01&to=2031-06', undefined, board)).body;
    const a = await invoiceFor(ownStartup, 100000, { number: `${prefix}-2031-00001`, issueDate: '2031-01-10', dueDate: '2031-02-09' }); // 1 200,00 €
    await invoiceFor(neighbour, 50000, { number: `${prefix}-2031-00002`, issueDate: '2031-02-01', dueDate: '2031-04-15' }); // 600,00 €, not yet due at the quarter's end
    await invoiceFor(ownStartup, 10000, { number: `${prefix}AV-2031-00001`, kind: 'credit_note', creditedInvoiceId: a, issueDate: '2031-02-15', dueDate: '2031-02-15' }); // 120,00 €
    expect((await send('POST', '/billing/payments', { invoiceId: a, kind: 'transfer', amountCents: 30000, receivedOn: '2031-03-01', reference: 'VIR A' })).status).toBe(201);

    const [{ siren: seededSiren }] = await db.query('SELECT siren FROM organisations WHERE id = $1', [organisationId]);
    if (!seededSiren) expect((await send('GET', '/billing/exports/fec?from=2031-01-01&to=2031-03-31')).body.code).toBe('payment.seller_siren_missing');
    const siren = seededSiren ?? '732829320';
    await db.query('UPDATE organisations SET siren = $2 WHERE id = $1', [organisationId, siren]);
    const fec = await send('GET', '/billing/exports/fec?from=2031-01-01&to=2031-03-31');
    await db.query('UPDATE organisations SET siren = $2 WHERE id = $1', [organisationId, seededSiren]);
    {
      expect(fec.status).toBe(200);
      expect(fec.headers.get('content-disposition')).toBe(`attachment; filename="${siren}FEC20310331.txt"`);
      const [header, ...lines] = fec.text.replace(/\r\n$/, '').split('\r\n');
      expect(header.split('\t')).toEqual([...FEC_COLUMNS]);
      const rows = lines.map((line) => line.split('\t'));
      expect(rows.every((r) => r.length === 18)).toBe(true);
      const byEntry = new Map<string, number>();
      const cents = (v: string) => Number(v.replace(',', ''));
      for (const r of rows) byEntry.set(r[2], (byEntry.get(r[2]) ?? 0) + cents(r[11]) - cents(r[12]));
      expect([...byEntry.values()].every((balance) => balance === 0)).toBe(true);
      expect(rows.map((r) => [r[0], r[4], r[8], r[11], r[12]])).toEqual([
        ['VE', '411000', `${prefix}-2031-00001`, '1200,00', '0,00'],
        ['VE', '706000', `${prefix}-2031-00001`, '0,00', '1000,00'],
        ['VE', '445710', `${prefix}-2031-00001`, '0,00', '200,00'],
        ['VE', '411000', `${prefix}-2031-00002`, '600,00', '0,00'],
        ['VE', '706000', `${prefix}-2031-00002`, '0,00', '500,00'],
        ['VE', '445710', `${prefix}-2031-00002`, '0,00', '100,00'],
        ['VE', '411000', `${prefix}AV-2031-00001`, '0,00', '120,00'],
        ['VE', '706000', `${prefix}AV-2031-00001`, '100,00', '0,00'],
        ['VE', '445710', `${prefix}AV-2031-00001`, '20,00', '0,00'],
        ['BQ', '512000', 'VIR A', '300,00', '0,00'],
        ['BQ', '411000', 'VIR A', '0,00', '300,00'],
      ]);
      expect(rows[0][3]).toBe('20310110');
    }
    expect((await send('GET', '/billing/exports/fec?from=2031-03-31&to=2031-01-01')).status).toBe(400);
    expect((await send('GET', '/billing/payments?from=2031-03-31&to=2031-01-01')).status).toBe(400);
    expect((await send('GET', '/billing/exports/fec?from=2031-01-01&to=2031-03-31', undefined, founder)).status).toBe(403);

    const csv = await send('GET', '/billing/exports/invoices?format=csv&from=2031-01-01&to=2031-03-31', undefined, { ...manager, 'Accept-Language': 'en' });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const csvLines = csv.text.split('\n');
    expect(csvLines[0]).toBe('Number,Kind,Date,Due,Customer,SIREN,Corrected invoice,Excl. VAT €,VAT €,Incl. VAT €,Paid €,Credited €,Balance €,Settlement');
    expect(csvLines[1]).toBe(`${prefix}-2031-00001,Invoice,2031-01-10,2031-02-09,Founder SAS,,,1000.00,200.00,1200.00,300.00,120.00,780.00,Partially paid`);
    expect(csvLines).toHaveLength(4);
    // French (`locale` wins over Accept-Language): BOM (read as bytes: text() drops it), `;`, decimal commas, CRLF.
    const frenchCsv = await fetch(`${api}/billing/exports/invoices?format=csv&from=2031-01-01&to=2031-03-31&locale=fr`, { headers: { ...manager, 'Accept-Language': 'en' } });
    expect(frenchCsv.status).toBe(200);
    const frenchBytes = Buffer.from(await frenchCsv.arrayBuffer());
    expect([...frenchBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const frenchLines = frenchBytes.toString('utf8').slice(1).split('\r\n');
    expect(frenchLines[0]).toMatch(/^Numéro;/);
    expect(frenchLines[1]).toMatch(new RegExp(`^${prefix}-2031-00001;Facture;2031-01-10;2031-02-09;Founder SAS;;;1000,00;200,00;1200,00;300,00;120,00;780,00;`));
    expect(frenchLines).toHaveLength(4);
    const payments = await send('GET', '/billing/exports/payments?format=xlsx&from=2031-01-01&to=2031-03-31');
    expect(payments.status).toBe(200);
    expect(payments.headers.get('content-disposition')).toBe('attachment; filename="paiements-2031-01-01-2031-03-31.xlsx"');

    const summary = await send<BillingQuarterSummary[]>('GET', '/billing/summary?from=2031-01&to=2031-06', undefined, board);
    expect(summary.status).toBe(200);
    expect(before.map((q) => [q.quarter, q.billedCents, q.collectedCents])).toEqual([
      ['2031-Q1', 0, 0],
      ['2031-Q2', 0, 0],
    ]);
    expect(summary.body).toEqual([
      // billed 1 000 + 500 − 100 excl. VAT; collected 300; overdue: the first invoice (1 200 − 300 − 120), the second not yet due.
      { quarter: '2031-Q1', billedCents: 140000, collectedCents: 30000, overdueCents: before[0].overdueCents + 78000 },
      // At the end of Q2 the second invoice (600,00 €) is past due too.
      { quarter: '2031-Q2', billedCents: 0, collectedCents: 0, overdueCents: before[1].overdueCents + 138000 },
    ]);
    expect((await send('GET', '/billing/summary?from=2031-01&to=2031-06', undefined, founder)).status).toBe(403);
    expect((await send('GET', '/billing/summary?from=2000-01&to=2031-06', undefined, board)).body.code).toBe('payment.period_too_long');
  });

  it('reminds customers of overdue invoices once per level, in their language', async () => {
    const late = await insertStartup(db, organisationId, 'Late Ltd');
    await upsertCustomer(db, organisationId, late, { legalName: 'Late Ltd', locale: 'en', recipients: ['ap@late.test', 'cfo@late.test'] });
    const lateNumber = number();
    const invoiceId = await invoiceFor(late, 20000, { number: lateNumber, issueDate: isoDay(-50), dueDate: isoDay(-20) });
    const reminders = app.get(OverdueReminders);
    expect(await reminders.send(organisationId)).toBeGreaterThanOrEqual(1);
    expect(await app.get(OverdueReminderRepository).levels(organisationId, invoiceId)).toEqual([2]);
    const mail = await app.get<Queue>(getQueueToken(QueueName.Mail)).getJob(`mail.billing-reminder.${invoiceId}.2.ap@late.test`);
    expect(mail?.data).toMatchObject({ to: 'ap@late.test', subject: `Second reminder: invoice ${lateNumber} was due on ${isoDay(-20)}` });
    expect(mail?.data.text).toContain('€240.00');
    await reminders.send(organisationId);
    expect(await app.get(OverdueReminderRepository).levels(organisationId, invoiceId)).toEqual([2]);
  });
});
