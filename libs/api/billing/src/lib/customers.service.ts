import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, type AuditActor } from '@incubator/api/audit';
import { isUniqueViolation } from '@incubator/api/sql';
import type { BillingCustomer, BillingCustomerListItem, CreateSepaMandateRequest, SepaMandate, UpdateBillingCustomerRequest } from '@incubator/contracts';
import { BillingErrors } from './billing.errors';
import { normaliseBic, normaliseIban } from './billing-settings.service';
import { type CustomerProfile, CustomerRepository, type CustomerWrite } from './customers.repository';

function profileWrite(p: CustomerProfile): CustomerWrite {
  return { legalName: p.legalName, siren: p.siren, vatNumber: p.vatNumber, addressLine1: p.addressLine1, addressLine2: p.addressLine2, postcode: p.postcode, city: p.city, country: p.country, recipients: p.recipients, paymentMethod: p.paymentMethod, locale: p.locale };
}

/** Who reads a profile: a startup member reads only their own startup's. */
export interface BillingReader {
  organisationId: string;
  startupId: string | null;
}

/** Startups' billing profiles and their SEPA mandates; direct debit needs an active mandate. */
@Injectable()
export class CustomerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: CustomerRepository,
    private readonly audit: AuditService,
  ) {}

  async list(organisationId: string): Promise<BillingCustomerListItem[]> {
    const [startups, profiles, mandates] = await Promise.all([this.customers.startups(organisationId), this.customers.list(organisationId), this.customers.activeMandates(organisationId)]);
    const byStartup = new Map(profiles.map((p) => [p.startupId, p]));
    const mandateOf = new Map(mandates.map((m) => [m.startupId, m]));
    return startups.map((s) => {
      const profile = byStartup.get(s.startupId);
      return { startupId: s.startupId, startupName: s.startupName, customer: profile ? { ...profile, mandate: mandateOf.get(s.startupId) ?? null } : null };
    });
  }

  /** A startup member reads their own startup's profile only (another one is "not found"). */
  async get(reader: BillingReader, startupId: string): Promise<BillingCustomer> {
    if (reader.startupId && reader.startupId !== startupId) throw BillingErrors.customer_not_found();
    const profile = await this.customers.get(reader.organisationId, startupId);
    if (!profile) {
      if (!(await this.customers.startup(reader.organisationId, startupId))) throw BillingErrors.startup_not_found();
      throw BillingErrors.customer_not_found();
    }
    return { ...profile, mandate: (await this.customers.activeMandate(reader.organisationId, startupId)) ?? null };
  }

  async update(actor: AuditActor, startupId: string, request: UpdateBillingCustomerRequest): Promise<BillingCustomer> {
    return this.dataSource.transaction(async (manager) => {
      const startup = await this.customers.startup(actor.organisationId, startupId, manager);
      if (!startup) throw BillingErrors.startup_not_found();
      const before = (await this.customers.get(actor.organisationId, startupId, manager)) ?? null;
      if (request.paymentMethod === 'direct_debit' && !(await this.customers.activeMandate(actor.organisationId, startupId, manager))) throw BillingErrors.mandate_required();
      await this.customers.upsert(manager, actor.organisationId, startupId, { ...request, recipients: [...new Set(request.recipients.map((r) => r.toLowerCase()))] });
      const after = await this.customers.get(actor.organisationId, startupId, manager);
      await this.audit.recordBy(manager, actor, { action: 'billing_customer.updated', entityType: 'startup', entityId: startupId, before, after: after ?? null });
      return { ...(after as NonNullable<typeof after>), mandate: (await this.customers.activeMandate(actor.organisationId, startupId, manager)) ?? null };
    });
  }

  async createMandate(actor: AuditActor, startupId: string, request: CreateSepaMandateRequest): Promise<SepaMandate> {
    const iban = normaliseIban(request.iban);
    const bic = request.bic ? normaliseBic(request.bic) : null;
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (!(await this.customers.get(actor.organisationId, startupId, manager))) {
          if (!(await this.customers.startup(actor.organisationId, startupId, manager))) throw BillingErrors.startup_not_found();
          throw BillingErrors.customer_not_found();
        }
        const active = await this.customers.activeMandate(actor.organisationId, startupId, manager);
        if (active) throw BillingErrors.mandate_active_exists({ reference: active.reference });
        if (await this.customers.referenceTaken(manager, actor.organisationId, request.reference)) throw BillingErrors.mandate_reference_taken({ reference: request.reference });
        const id = await this.customers.insertMandate(manager, actor.organisationId, { startupId, reference: request.reference, signedOn: request.signedOn, iban, bic });
        const mandate: SepaMandate = { id, startupId, reference: request.reference, signedOn: request.signedOn, iban, bic, revokedOn: null };
        await this.audit.recordBy(manager, actor, { action: 'sepa_mandate.created', entityType: 'sepa_mandate', entityId: id, after: mandate });
        return mandate;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw BillingErrors.mandate_reference_taken({ reference: request.reference });
      throw error;
    }
  }

  /** Revoking the mandate of a customer paying by direct debit moves it back to transfer. */
  async revokeMandate(actor: AuditActor, mandateId: string): Promise<SepaMandate> {
    return this.dataSource.transaction(async (manager) => {
      const mandate = await this.customers.mandateForUpdate(manager, actor.organisationId, mandateId);
      if (!mandate) throw BillingErrors.mandate_not_found();
      if (mandate.revokedOn) throw BillingErrors.mandate_revoked();
      await this.customers.revokeMandate(manager, actor.organisationId, mandateId);
      const profile = await this.customers.get(actor.organisationId, mandate.startupId, manager);
      if (profile?.paymentMethod === 'direct_debit') {
        await this.customers.upsert(manager, actor.organisationId, mandate.startupId, { ...profileWrite(profile), paymentMethod: 'transfer' });
      }
      const after = await this.customers.mandateForUpdate(manager, actor.organisationId, mandateId);
      await this.audit.recordBy(manager, actor, { action: 'sepa_mandate.revoked', entityType: 'sepa_mandate', entityId: mandateId, before: mandate, after: after ?? null });
      return after as SepaMandate;
    });
  }
}
