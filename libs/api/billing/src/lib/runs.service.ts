import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, type AuditActor } from '@incubator/api/audit';
import { JobQueues } from '@incubator/api/queues';
import { OccupancyService } from '@incubator/api/space';
import { BillingJob } from '@incubator/contracts';
import type { BillingRun, Locale, RentRollLine } from '@incubator/contracts';
import { BillingErrors } from './billing.errors';
import { BillingSettingsRepository } from './billing-settings.repository';
import { ChargeRepository } from './charges.repository';
import { type CustomerProfile, CustomerRepository, type StartupRef } from './customers.repository';
import { addDays, type CustomerSnapshot, depositRefundLabel, invoiceTotals, nextMonthStart, rentLabel } from './invoice-totals';
import { type NewLine, InvoiceRepository } from './invoices.repository';
import { customerSnapshotOf, InvoiceService } from './invoices.service';
import { type LeaseFacts, RunRepository } from './runs.repository';

export const draftJobId = (runId: string) => `billing-draft.${runId}`;
export const issueJobId = (runId: string) => `billing-issue.${runId}`;

/** A test's way to stop a run half-way, as a killed worker would (called after each committed draft). */
export interface DraftHooks {
  afterDraft?: (drafted: number) => void | Promise<void>;
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/**
 * The address a profile drafted by a run takes: the leased site's ("165 avenue de Bretagne, 59000 Lille"
 * → line, postcode, city), the startup being hosted there.
 */
export function siteAddress(site: Pick<LeaseFacts, 'siteName' | 'siteAddress' | 'siteCity'>): { addressLine1: string; postcode: string; city: string } {
  const match = site.siteAddress?.match(/^(.*?),?\s*(\d{5})\s+(.+)$/);
  if (match) return { addressLine1: match[1].trim() || site.siteName, postcode: match[2], city: match[3].trim() };
  return { addressLine1: site.siteAddress?.trim() || site.siteName, postcode: '', city: site.siteCity };
}

/**
 * The monthly billing run: one per organisation and month. The month billed is the month of the run,
 * rent being due monthly in advance: a run for 2027-01 bills January's rent (pro rata by day, the rent
 * roll's cents) and every unbilled charge dated in January or before, and credits back the deposits of
 * leases whose last day falls in January. Each startup's draft is its own transaction; the partial unique
 * index uq_invoices_run_startup makes a retried or concurrent run skip the startups already drafted.
 */
@Injectable()
export class RunService {
  private readonly logger = new Logger(RunService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runs: RunRepository,
    private readonly invoices: InvoiceRepository,
    private readonly invoiceService: InvoiceService,
    private readonly customers: CustomerRepository,
    private readonly charges: ChargeRepository,
    private readonly settings: BillingSettingsRepository,
    private readonly occupancy: OccupancyService,
    private readonly audit: AuditService,
    private readonly queues: JobQueues,
  ) {}

  list(organisationId: string): Promise<BillingRun[]> {
    return this.runs.list(organisationId).then((runs) => runs.map(publicRun));
  }

  async get(organisationId: string, runId: string): Promise<BillingRun> {
    const run = await this.runs.get(organisationId, runId);
    if (!run) throw BillingErrors.run_not_found();
    return publicRun(run);
  }

  /** POST /billing/runs: 409 `billing.run_exists` (with its id) when the month already has one. */
  async create(actor: AuditActor, month: string): Promise<BillingRun> {
    const id = await this.dataSource.transaction(async (manager) => {
      const runId = await this.runs.insert(manager, actor.organisationId, month, actor.userId);
      if (!runId) throw BillingErrors.run_exists({ month, runId: (await this.runs.idOfMonth(actor.organisationId, month, manager)) ?? null });
      await this.audit.recordBy(manager, actor, { action: 'billing_run.created', entityType: 'billing_run', entityId: runId, after: { month } });
      return runId;
    });
    await this.queues.add(BillingJob.DraftRun, { organisationId: actor.organisationId, runId: id }, { jobId: draftJobId(id) });
    return this.get(actor.organisationId, id);
  }

  /** The DraftRun job: drafts what is missing, so running it again (a retry, a second worker) adds nothing. */
  async draft(organisationId: string, runId: string, hooks: DraftHooks = {}): Promise<void> {
    const run = await this.runs.get(organisationId, runId);
    if (!run || run.status !== 'drafting') return;
    const monthStart = `${run.month}-01`;
    const monthEnd = nextMonthStart(run.month);
    const [roll, settings, startups, withCharges] = await Promise.all([
      this.occupancy.rentRoll(organisationId, run.month),
      this.settings.get(organisationId),
      this.customers.startups(organisationId),
      this.charges.startupsWithPending(organisationId, monthEnd),
    ]);
    const facts = new Map((await this.runs.leaseFacts(organisationId, roll.lines.map((l) => l.leaseId))).map((f) => [f.leaseId, f]));
    const billed = new Set([...roll.lines.map((l) => l.startupId), ...withCharges]);
    const toBill = startups.filter((s) => billed.has(s.startupId));
    const done = await this.invoices.runStartups(organisationId, runId);
    let drafted = done.size;
    await this.runs.setProgress(this.dataSource.manager, organisationId, runId, 'drafted', toBill.length);
    for (const startup of toBill) {
      if (done.has(startup.startupId)) continue;
      const rent = roll.lines.filter((l) => l.startupId === startup.startupId);
      const created = await this.draftOne(organisationId, runId, startup, rent, roll.daysInMonth, facts, { monthStart, monthEnd, vatRateBp: settings.defaultVatRateBp });
      if (created) drafted += 1;
      await this.runs.setProgress(this.dataSource.manager, organisationId, runId, 'drafted', toBill.length);
      await hooks.afterDraft?.(drafted);
    }
    await this.runs.transition(this.dataSource.manager, organisationId, runId, ['drafting'], 'drafted');
    this.logger.log({ organisationId, runId, drafted }, 'billing run drafted');
  }

  private async draftOne(
    organisationId: string,
    runId: string,
    startup: StartupRef,
    rent: RentRollLine[],
    daysInMonth: number,
    facts: ReadonlyMap<string, LeaseFacts>,
    month: { monthStart: string; monthEnd: string; vatRateBp: number },
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const site = rent.map((l) => facts.get(l.leaseId)).find((f) => f !== undefined);
      let profile = await this.customers.get(organisationId, startup.startupId, manager);
      if (!profile) {
        // No billing profile yet: one is drafted from the startup (legal name, SIREN) at its leased site, for the manager to complete.
        const address = site ? siteAddress(site) : { addressLine1: startup.startupName, postcode: '', city: '' };
        await this.customers.insertIfAbsent(manager, organisationId, startup.startupId, {
          legalName: startup.startupName,
          siren: startup.siren,
          vatNumber: null,
          ...address,
          addressLine2: null,
          country: 'FR',
          recipients: [],
          paymentMethod: 'transfer',
          locale: 'fr',
        });
        profile = (await this.customers.get(organisationId, startup.startupId, manager)) as CustomerProfile;
      }
      const mandate = profile.paymentMethod === 'direct_debit' ? await this.customers.activeMandate(organisationId, startup.startupId, manager) : undefined;
      const delivery: CustomerSnapshot['delivery'] = site ? { ...siteAddress(site), addressLine2: null, country: 'FR' } : null;
      const invoiceId = await this.invoices.insertDraft(manager, organisationId, {
        kind: 'invoice',
        runId,
        startupId: startup.startupId,
        customer: customerSnapshotOf(profile, delivery),
        locale: profile.locale,
        paymentMethod: mandate ? 'direct_debit' : 'transfer',
        mandateReference: mandate?.reference ?? null,
        periodStart: month.monthStart,
        periodEnd: month.monthEnd,
        creditedInvoiceId: null,
        creditReason: null,
      });
      if (!invoiceId) return false;
      const lines: NewLine[] = [];
      for (const line of rent) {
        const lease = facts.get(line.leaseId);
        const periodStart = later(lease?.startsOn ?? month.monthStart, month.monthStart);
        const periodEnd = earlier(lease?.endsOn ?? month.monthEnd, month.monthEnd);
        lines.push({
          kind: 'rent',
          label: rentLabel(profile.locale, line.areaM2, periodStart, periodEnd, line.days, daysInMonth),
          leaseId: line.leaseId,
          chargeId: null,
          creditedLineId: null,
          periodStart,
          periodEnd,
          quantity: 1,
          unitPriceCents: line.rentCents,
          amountCents: line.rentCents,
          vatRateBp: month.vatRateBp,
          vatCategory: 'S',
          vatExemptionReason: null,
        });
      }
      // Deposits come back when the tenancy ends: the last version of a lease whose last day is in the month.
      for (const line of rent) {
        const lease = facts.get(line.leaseId);
        if (!lease?.endsOn || lease.hasSuccessor || lease.endsOn <= month.monthStart || lease.endsOn > month.monthEnd) continue;
        for (const deposit of await this.charges.unrefundedDeposits(manager, organisationId, lease.chain)) {
          const refund = {
            startupId: startup.startupId,
            kind: 'deposit_refund' as const,
            label: depositRefundLabel(profile.locale as Locale, deposit.label),
            amountCents: -deposit.amountCents,
            vatRateBp: deposit.vatRateBp,
            vatCategory: deposit.vatCategory,
            vatExemptionReason: deposit.vatExemptionReason,
            chargedOn: addDays(lease.endsOn, -1),
            leaseId: deposit.leaseId,
          };
          await this.charges.insert(manager, organisationId, refund, null);
        }
      }
      const pending = await this.charges.pending(manager, organisationId, startup.startupId, month.monthEnd);
      for (const charge of pending) {
        lines.push({
          kind: charge.kind,
          label: charge.label,
          leaseId: charge.leaseId,
          chargeId: charge.id,
          creditedLineId: null,
          periodStart: null,
          periodEnd: null,
          quantity: 1,
          unitPriceCents: charge.amountCents,
          amountCents: charge.amountCents,
          vatRateBp: charge.vatRateBp,
          vatCategory: charge.vatCategory,
          vatExemptionReason: charge.vatExemptionReason,
        });
      }
      await this.invoices.insertLines(manager, organisationId, invoiceId, lines);
      await this.charges.markBilled(manager, organisationId, pending.map((c) => c.id), invoiceId);
      await this.invoices.setTotals(manager, organisationId, invoiceId, invoiceTotals(lines));
      return true;
    });
  }

  /** POST /billing/runs/:id/issue: a drafted run moves to issuing and the worker issues its drafts. */
  async requestIssue(actor: AuditActor, runId: string): Promise<BillingRun> {
    const run = await this.runs.get(actor.organisationId, runId);
    if (!run) throw BillingErrors.run_not_found();
    await this.invoiceService.sellerSnapshot(actor.organisationId); // refused now (422), not in the worker, when the seller is incomplete
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.runs.transition(manager, actor.organisationId, runId, ['drafted', 'issuing'], 'issuing'))) throw BillingErrors.run_not_drafted({ status: run.status });
      await this.audit.recordBy(manager, actor, { action: 'billing_run.issue_requested', entityType: 'billing_run', entityId: runId, before: { status: run.status }, after: { status: 'issuing' } });
    });
    await this.queues.add(BillingJob.IssueRun, { organisationId: actor.organisationId, runId }, { jobId: issueJobId(runId) });
    return this.get(actor.organisationId, runId);
  }

  /** The IssueRun job: each draft issued in its own transaction (number, snapshots), then its e-mail queued. */
  async issue(organisationId: string, runId: string): Promise<void> {
    const run = await this.runs.get(organisationId, runId);
    if (!run || run.status !== 'issuing') return;
    const issuer = { organisationId, userId: run.requestedBy, requestId: null };
    const drafts = await this.invoices.runDrafts(organisationId, runId);
    const total = run.issuedCount + drafts.length;
    await this.runs.setProgress(this.dataSource.manager, organisationId, runId, 'issued', total);
    for (const invoiceId of drafts) {
      const done = await this.dataSource.transaction((manager) => this.invoiceService.issueDraft(manager, issuer, invoiceId, false));
      if (done) await this.invoiceService.enqueueSend(organisationId, invoiceId);
      await this.runs.setProgress(this.dataSource.manager, organisationId, runId, 'issued', total);
    }
    await this.runs.transition(this.dataSource.manager, organisationId, runId, ['issuing'], 'issued');
  }

  /** A job's last failed attempt marks the run failed, with the reason, for the manager to see. */
  async fail(organisationId: string, runId: string, error: Error): Promise<void> {
    await this.runs.transition(this.dataSource.manager, organisationId, runId, ['drafting', 'issuing'], 'failed', error.message.slice(0, 500));
  }
}

function publicRun(run: BillingRun & { requestedBy: string | null }): BillingRun {
  const { id, month, status, progress, total, draftCount, issuedCount, totalExclVatCents, totalInclVatCents, error, createdAt, updatedAt } = run;
  return { id, month, status, progress, total, draftCount, issuedCount, totalExclVatCents, totalInclVatCents, error, createdAt, updatedAt };
}
