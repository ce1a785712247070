import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, type AuditActor } from '@incubator/api/audit';
import type { BillingSettings } from '@incubator/contracts';
import { BillingErrors } from './billing.errors';
import { BillingSettingsRepository } from './billing-settings.repository';
import { ibantools } from './ibantools';
import { isValidSepaCreditorId } from './invoice-totals';

/** An IBAN in electronic format (no spaces, upper case), refused unless its check digits and length hold. */
export function normaliseIban(value: string): string {
  const iban = ibantools.electronicFormatIBAN(value) ?? '';
  if (!ibantools.isValidIBAN(iban)) throw BillingErrors.iban_invalid({ iban: value });
  return iban;
}

export function normaliseBic(value: string): string {
  const bic = value.replace(/\s+/g, '').toUpperCase();
  if (!ibantools.isValidBIC(bic)) throw BillingErrors.bic_invalid({ bic: value });
  return bic;
}

/** The settings as they will be stored: bank identifiers normalised and checked, prefixes distinct. */
export function normaliseSettings(request: BillingSettings): BillingSettings {
  const sepaCreditorId = request.sepaCreditorId ? request.sepaCreditorId.replace(/\s+/g, '').toUpperCase() : null;
  if (sepaCreditorId && !isValidSepaCreditorId(sepaCreditorId)) throw BillingErrors.creditor_id_invalid({ sepaCreditorId: request.sepaCreditorId });
  if (request.invoicePrefix === request.creditNotePrefix) throw BillingErrors.prefixes_equal();
  return {
    ...request,
    iban: request.iban ? normaliseIban(request.iban) : null,
    bic: request.bic ? normaliseBic(request.bic) : null,
    sepaCreditorId,
  };
}

/** The seller's billing settings (its legal identity is the organisation's settings); changes are audited. */
@Injectable()
export class BillingSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: BillingSettingsRepository,
    private readonly audit: AuditService,
  ) {}

  get(organisationId: string): Promise<BillingSettings> {
    return this.settings.get(organisationId);
  }

  async update(actor: AuditActor, request: BillingSettings): Promise<BillingSettings> {
    const next = normaliseSettings(request);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.settings.get(actor.organisationId, manager);
      await this.settings.upsert(manager, actor.organisationId, next);
      const after = await this.settings.get(actor.organisationId, manager);
      await this.audit.recordBy(manager, actor, { action: 'billing_settings.updated', entityType: 'organisation', entityId: actor.organisationId, before: { ...before }, after: { ...after } });
      return after;
    });
  }
}
