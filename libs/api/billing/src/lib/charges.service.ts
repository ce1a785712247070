import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, type AuditActor } from '@incubator/api/audit';
import type { CreateBillingChargeRequest } from '@incubator/contracts';
import { BillingErrors } from './billing.errors';
import { ChargeRepository, type StoredCharge } from './charges.repository';
import { CustomerRepository } from './customers.repository';

/** The rules of a charge: a discount or refund is negative, the rest positive; deposits belong to a lease. */
export function assertChargeRules(request: CreateBillingChargeRequest): void {
  const negative = request.kind === 'discount' || request.kind === 'deposit_refund';
  if (request.amountCents === 0 || negative !== request.amountCents < 0) throw BillingErrors.charge_sign();
  if ((request.kind === 'deposit' || request.kind === 'deposit_refund') && !request.leaseId) throw BillingErrors.deposit_needs_lease();
  // EN 16931 (BR-O-11, BR-O-12, BR-O-02): a line outside the scope of VAT may only be billed on an invoice holding
  // nothing else, and the monthly invoice holds the rent: such a charge (e.g. a deposit) is billed as exempt (E) with its mention.
  if (request.vatCategory === 'O') throw BillingErrors.vat_outside_scope();
  if (request.vatCategory !== 'S' && !request.vatExemptionReason) throw BillingErrors.exemption_reason_required();
}

/** One-off charges billed by the next run; deleted only while unbilled. */
@Injectable()
export class ChargeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly charges: ChargeRepository,
    private readonly customers: CustomerRepository,
    private readonly audit: AuditService,
  ) {}

  list(organisationId: string, filter: { startupId?: string; pending?: boolean }): Promise<StoredCharge[]> {
    return this.charges.list(organisationId, filter);
  }

  async create(actor: AuditActor, request: CreateBillingChargeRequest): Promise<StoredCharge> {
    assertChargeRules(request);
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.customers.startup(actor.organisationId, request.startupId, manager))) throw BillingErrors.startup_not_found();
      if (request.leaseId && !(await this.charges.leaseOf(manager, actor.organisationId, request.leaseId, request.startupId))) throw BillingErrors.lease_not_found();
      const id = await this.charges.insert(
        manager,
        actor.organisationId,
        {
          startupId: request.startupId,
          kind: request.kind,
          label: request.label,
          amountCents: request.amountCents,
          vatRateBp: request.vatCategory === 'S' ? request.vatRateBp : 0,
          vatCategory: request.vatCategory,
          vatExemptionReason: request.vatCategory === 'S' ? null : (request.vatExemptionReason ?? null),
          chargedOn: request.chargedOn,
          leaseId: request.leaseId ?? null,
        },
        actor.userId,
      );
      const charge = (await this.charges.getForUpdate(manager, actor.organisationId, id)) as StoredCharge;
      await this.audit.recordBy(manager, actor, { action: 'billing_charge.created', entityType: 'billing_charge', entityId: id, after: charge });
      return charge;
    });
  }

  async delete(actor: AuditActor, chargeId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const charge = await this.charges.getForUpdate(manager, actor.organisationId, chargeId);
      if (!charge) throw BillingErrors.charge_not_found();
      if (charge.invoiceId) throw BillingErrors.charge_billed({ invoiceId: charge.invoiceId });
      await this.charges.delete(manager, actor.organisationId, chargeId);
      await this.audit.recordBy(manager, actor, { action: 'billing_charge.deleted', entityType: 'billing_charge', entityId: chargeId, before: charge });
    });
  }
}
