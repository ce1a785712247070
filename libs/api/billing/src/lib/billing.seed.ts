import type { EntityManager } from 'typeorm';
import { proRataCents } from '@incubator/api/space';
import type { Locale } from '@incubator/contracts';
import { addDays, type CustomerSnapshot, invoiceNumber, invoiceTotals, nextMonthStart, rentLabel, type SellerSnapshot } from './invoice-totals';

/** A tenant of the demo: its billing profile and, when it has no lease yet, an office on the building's top floor. */
export interface BillingSeedTenant {
  startupId: string;
  recipients: string[];
  locale: Locale;
  /** Modules of the office the seed leases when the startup has none (24 m² each). */
  modules: number;
  /** First day of that lease; `mid-month` starts it on the 16th of the month billed (a pro rata line). */
  startsOn: string | 'mid-month';
  monthlyPricePerM2Cents: number;
}

export interface BillingSeed {
  organisationId: string;
  tenants: BillingSeedTenant[];
  /** The demo's "now" (tests pin it); the month billed is the last complete month before it. */
  now?: Date;
}

interface LeaseRow {
  id: string;
  starts_on: string;
  ends_on: string | null;
  modules: number;
  monthly_price_per_m2_cents: number;
  site_address: string | null;
  site_city: string;
}

const SEED_IBAN = 'FR7630006000011234567890189';

/**
 * The demo's last complete month, already billed: seller settings, the tenants' profiles (and offices on
 * the top floor of the building if they had none), one issued invoice each from the month's rent (the
 * rent roll's arithmetic), one partial credit note and one payment. Numbers are taken from the series
 * like any issue, so what the product issues next follows on. Idempotent: skipped once the month has a run.
 */
export async function seedBilling(manager: EntityManager, data: BillingSeed): Promise<void> {
  const { organisationId } = data;
  const [organisation] = await manager.query<
    Array<{ name: string; legal_name: string | null; siren: string | null; siret: string | null; vat_number: string | null; address_line1: string | null; address_line2: string | null; postcode: string | null; city: string | null; country: string; today: string }>
  >(
    `SELECT name, legal_name, siren, siret, vat_number, address_line1, address_line2, postcode, city, country,
            to_char(($2::timestamptz AT TIME ZONE time_zone)::date, 'YYYY-MM-DD') AS today
     FROM organisations WHERE id = $1`,
    [organisationId, (data.now ?? new Date()).toISOString()],
  );
  const today = organisation.today;
  const thisMonth = today.slice(0, 7);
  const monthStart = addDays(`${thisMonth}-01`, -1).slice(0, 7) + '-01';
  const month = monthStart.slice(0, 7);
  const monthEnd = nextMonthStart(month);
  const daysInMonth = Number(addDays(monthEnd, -1).slice(8, 10));
  const existing = await manager.query<Array<{ id: string }>>('SELECT id FROM billing_runs WHERE organisation_id = $1 AND month = $2', [organisationId, monthStart]);
  if (existing.length > 0) return;

  await manager.query(
    `INSERT INTO billing_settings (organisation_id, iban, bic, sepa_creditor_id) VALUES ($1, $2, 'AGRIFRPP', 'FR72ZZZ123456') ON CONFLICT (organisation_id) DO NOTHING`,
    [organisationId, SEED_IBAN],
  );
  const [settings] = await manager.query<
    Array<{ iban: string | null; bic: string | null; sepa_creditor_id: string | null; invoice_prefix: string; credit_note_prefix: string; payment_terms_days: number; late_penalty_rate_bp: number; recovery_indemnity_cents: number; default_vat_rate_bp: number; vat_on_debits: boolean }>
  >('SELECT * FROM billing_settings WHERE organisation_id = $1', [organisationId]);
  const seller: SellerSnapshot = {
    name: organisation.legal_name ?? organisation.name,
    siren: organisation.siren,
    siret: organisation.siret,
    vatNumber: organisation.vat_number,
    addressLine1: organisation.address_line1 ?? '',
    addressLine2: organisation.address_line2,
    postcode: organisation.postcode ?? '',
    city: organisation.city ?? '',
    country: organisation.country,
    email: null,
    iban: settings.iban,
    bic: settings.bic,
    sepaCreditorId: settings.sepa_creditor_id,
    paymentTermsDays: settings.payment_terms_days,
    latePenaltyRateBp: settings.late_penalty_rate_bp,
    recoveryIndemnityCents: settings.recovery_indemnity_cents,
    vatOnDebits: settings.vat_on_debits,
  };

  const [run] = await manager.query<Array<{ id: string }>>(
    `INSERT INTO billing_runs (organisation_id, month, status, progress, total) VALUES ($1, $2, 'issued', $3, $3) RETURNING id`,
    [organisationId, monthStart, data.tenants.length],
  );
  const invoiceIds: string[] = [];
  for (const tenant of data.tenants) {
    const [startup] = await manager.query<Array<{ legal_name: string; siren: string | null }>>('SELECT legal_name, siren FROM startups WHERE organisation_id = $1 AND id = $2', [organisationId, tenant.startupId]);
    await ensureOffice(manager, organisationId, tenant, tenant.startsOn === 'mid-month' ? `${month}-16` : tenant.startsOn);
    const leases = await manager.query<LeaseRow[]>(
      `SELECT l.id, l.starts_on, l.ends_on, l.monthly_price_per_m2_cents, (SELECT count(*)::int FROM lease_modules lm WHERE lm.lease_id = l.id) AS modules,
              s.address AS site_address, s.city AS site_city
       FROM leases l JOIN floors f ON f.id = l.floor_id JOIN buildings b ON b.id = f.building_id JOIN sites s ON s.id = b.site_id
       WHERE l.organisation_id = $1 AND l.startup_id = $2 AND daterange(l.starts_on, l.ends_on, '[)') && daterange($3::date, $4::date, '[)')
       ORDER BY l.starts_on`,
      [organisationId, tenant.startupId, monthStart, monthEnd],
    );
    if (leases.length === 0) continue;
    const address = parseAddress(leases[0].site_address, leases[0].site_city);
    await manager.query(
      `INSERT INTO billing_customers (organisation_id, startup_id, legal_name, siren, address_line1, postcode, city, recipients, locale)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (organisation_id, startup_id) DO NOTHING`,
      [organisationId, tenant.startupId, startup.legal_name, startup.siren, address.addressLine1, address.postcode, address.city, tenant.recipients, tenant.locale],
    );
    const customer: CustomerSnapshot = {
      name: startup.legal_name,
      siren: startup.siren,
      siret: null,
      vatNumber: null,
      ...address,
      addressLine2: null,
      country: 'FR',
      email: tenant.recipients[0] ?? null,
      delivery: { ...address, addressLine2: null, country: 'FR' },
    };
    const lines = leases.map((lease) => {
      const periodStart = lease.starts_on > monthStart ? lease.starts_on : monthStart;
      const periodEnd = lease.ends_on && lease.ends_on < monthEnd ? lease.ends_on : monthEnd;
      const days = Math.round((Date.parse(periodEnd) - Date.parse(periodStart)) / 86_400_000);
      const areaM2 = lease.modules * 24;
      const rentCents = proRataCents(areaM2 * lease.monthly_price_per_m2_cents, days, daysInMonth);
      return { leaseId: lease.id, label: rentLabel(tenant.locale, areaM2, periodStart, periodEnd, days, daysInMonth), periodStart, periodEnd, amountCents: rentCents, vatRateBp: settings.default_vat_rate_bp, vatCategory: 'S' as const, vatExemptionReason: null };
    });
    const id = await insertIssued(manager, organisationId, {
      kind: 'invoice',
      runId: run.id,
      startupId: tenant.startupId,
      creditedInvoiceId: null,
      creditReason: null,
      locale: tenant.locale,
      periodStart: monthStart,
      periodEnd: monthEnd,
      seller,
      customer,
      prefix: settings.invoice_prefix,
      today,
      dueDays: settings.payment_terms_days,
      lines: lines.map((l) => ({ ...l, kind: 'rent', creditedLineId: null })),
    });
    invoiceIds.push(id);
  }

  // One partial credit note (10 % of the first invoice's first rent line) and one payment in full of the second invoice.
  if (invoiceIds[0]) {
    const [line] = await manager.query<Array<{ id: string; label: string; amount_cents: string; vat_rate_bp: number; lease_id: string | null; period_start: string | null; period_end: string | null }>>(
      'SELECT id, label, amount_cents, vat_rate_bp, lease_id, period_start, period_end FROM invoice_lines WHERE invoice_id = $1 ORDER BY position LIMIT 1',
      [invoiceIds[0]],
    );
    const [invoice] = await manager.query<Array<{ startup_id: string; locale: Locale; customer: CustomerSnapshot }>>('SELECT startup_id, locale, customer FROM invoices WHERE id = $1', [invoiceIds[0]]);
    const credited = Math.round(Number(line.amount_cents) / 10);
    await insertIssued(manager, organisationId, {
      kind: 'credit_note',
      runId: null,
      startupId: invoice.startup_id,
      creditedInvoiceId: invoiceIds[0],
      creditReason: invoice.locale === 'en' ? 'Goodwill gesture: air conditioning out of order' : 'Geste commercial : climatisation en panne',
      locale: invoice.locale,
      periodStart: monthStart,
      periodEnd: monthEnd,
      seller,
      customer: invoice.customer,
      prefix: settings.credit_note_prefix,
      today,
      dueDays: 0,
      lines: [{ kind: 'rent', leaseId: line.lease_id, creditedLineId: line.id, label: line.label, periodStart: line.period_start, periodEnd: line.period_end, amountCents: credited, vatRateBp: line.vat_rate_bp, vatCategory: 'S', vatExemptionReason: null }],
    });
  }
  if (invoiceIds[1]) {
    await manager.query(
      `INSERT INTO payments (organisation_id, invoice_id, kind, amount_cents, received_on, reference)
       SELECT organisation_id, id, 'transfer', total_incl_vat_cents, $2, number FROM invoices WHERE id = $1`,
      [invoiceIds[1], today],
    );
  }
}

/** Leases the tenant an office of free modules on the building's top floor, unless it already has a lease. */
async function ensureOffice(manager: EntityManager, organisationId: string, tenant: BillingSeedTenant, startsOn: string): Promise<void> {
  const leases = await manager.query<Array<{ id: string }>>('SELECT id FROM leases WHERE organisation_id = $1 AND startup_id = $2 LIMIT 1', [organisationId, tenant.startupId]);
  if (leases.length > 0) return;
  const free = await manager.query<Array<{ id: string; floor_id: string }>>(
    `WITH top AS (SELECT f.id FROM floors f WHERE f.organisation_id = $1 ORDER BY f.level DESC, f.id LIMIT 1)
     SELECT m.id, m.floor_id FROM modules m JOIN top ON top.id = m.floor_id
     WHERE m.retired_at IS NULL AND NOT EXISTS (SELECT 1 FROM lease_modules lm WHERE lm.module_id = m.id AND lm.period && daterange($2::date, NULL, '[)'))
     ORDER BY m."row" DESC, m.col LIMIT $3`,
    [organisationId, startsOn, tenant.modules],
  );
  if (free.length < tenant.modules) return;
  const [lease] = await manager.query<Array<{ id: string }>>(
    `INSERT INTO leases (organisation_id, startup_id, floor_id, program_kind, starts_on, monthly_price_per_m2_cents) VALUES ($1, $2, $3, 'business_centre', $4, $5) RETURNING id`,
    [organisationId, tenant.startupId, free[0].floor_id, startsOn, tenant.monthlyPricePerM2Cents],
  );
  for (const module of free) {
    await manager.query(`INSERT INTO lease_modules (lease_id, module_id, period) VALUES ($1, $2, daterange($3::date, NULL, '[)'))`, [lease.id, module.id, startsOn]);
  }
}

interface SeedLine {
  kind: string;
  leaseId: string | null;
  creditedLineId: string | null;
  label: string;
  periodStart: string | null;
  periodEnd: string | null;
  amountCents: number;
  vatRateBp: number;
  vatCategory: 'S';
  vatExemptionReason: null;
}

/** A draft with its lines, then issued with the next number of its series (as the issuing transaction does). */
async function insertIssued(
  manager: EntityManager,
  organisationId: string,
  d: {
    kind: 'invoice' | 'credit_note';
    runId: string | null;
    startupId: string;
    creditedInvoiceId: string | null;
    creditReason: string | null;
    locale: Locale;
    periodStart: string;
    periodEnd: string;
    seller: SellerSnapshot;
    customer: CustomerSnapshot;
    prefix: string;
    today: string;
    dueDays: number;
    lines: SeedLine[];
  },
): Promise<string> {
  const totals = invoiceTotals(d.lines);
  const [invoice] = await manager.query<Array<{ id: string }>>(
    `INSERT INTO invoices (organisation_id, kind, run_id, startup_id, credited_invoice_id, credit_reason, locale, period_start, period_end, customer, total_excl_vat_cents, vat_cents, total_incl_vat_cents)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [organisationId, d.kind, d.runId, d.startupId, d.creditedInvoiceId, d.creditReason, d.locale, d.periodStart, d.periodEnd, JSON.stringify(d.customer), totals.totalExclVatCents, totals.vatCents, totals.totalInclVatCents],
  );
  let position = 0;
  for (const l of d.lines) {
    position += 1;
    await manager.query(
      `INSERT INTO invoice_lines (organisation_id, invoice_id, position, kind, label, lease_id, credited_line_id, period_start, period_end, quantity, unit_price_cents, amount_cents, vat_rate_bp, vat_category)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $10, $11, $12)`,
      [organisationId, invoice.id, position, l.kind, l.label, l.leaseId, l.creditedLineId, l.periodStart, l.periodEnd, l.amountCents, l.vatRateBp, l.vatCategory],
    );
  }
  const year = Number(d.today.slice(0, 4));
  const [sequence] = await manager.query<Array<{ last_number: number }>>(
    `INSERT INTO invoice_sequences (organisation_id, kind, year, last_number) VALUES ($1, $2, $3, 1)
     ON CONFLICT (organisation_id, kind, year) DO UPDATE SET last_number = invoice_sequences.last_number + 1 RETURNING last_number`,
    [organisationId, d.kind, year],
  );
  await manager.query(
    `UPDATE invoices SET status = 'issued', number = $2, sequence_year = $3, sequence_number = $4, issue_date = $5, due_date = $6, seller = $7, issued_at = now(), emailed_at = now()
     WHERE id = $1`,
    [invoice.id, invoiceNumber(d.prefix, year, sequence.last_number), year, sequence.last_number, d.today, addDays(d.today, d.dueDays), JSON.stringify(d.seller)],
  );
  return invoice.id;
}

function parseAddress(address: string | null, city: string): { addressLine1: string; postcode: string; city: string } {
  const match = address?.match(/^(.*?),?\s*(\d{5})\s+(.+)$/);
  if (match) return { addressLine1: match[1].trim(), postcode: match[2], city: match[3].trim() };
  return { addressLine1: address?.trim() || city, postcode: '', city };
}
