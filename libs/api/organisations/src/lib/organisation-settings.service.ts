import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import { LOGO_MAX_BYTES } from '@incubator/contracts';
import type { LogoContentType, OrganisationSettings, UpdateOrganisationSettingsRequest } from '@incubator/contracts';
import { OrganisationErrors } from './organisation.errors';
import { type OrganisationLogo, OrganisationProfileRepository } from './organisation-profile.repository';

/** Who changes an organisation's settings (structurally, identity's Caller). */
export interface OrganisationActor {
  organisationId: string;
  userId: string;
  requestId: string | null;
}

/** Identity fields that must agree with each other: a SIRET starts with the SIREN; a French VAT number ends with it. */
export function assertLegalIdentity(identity: { siren: string | null; siret?: string | null; vatNumber?: string | null }): void {
  const { siren } = identity;
  const siret = identity.siret ?? null;
  const vatNumber = identity.vatNumber ?? null;
  if (siret && !siren) throw OrganisationErrors.siret_without_siren();
  if (siret && siren && !siret.startsWith(siren)) throw OrganisationErrors.siret_not_of_siren({ siret, siren });
  if (vatNumber && siren && vatNumber.slice(4) !== siren) throw OrganisationErrors.vat_not_of_siren({ vatNumber, siren });
}

/** The image's first bytes must say what its declared type says (a renamed file, an SVG or a script is refused). */
export function isImageOf(contentType: LogoContentType, data: Buffer): boolean {
  if (contentType === 'image/png') return data.length > 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
}

/** An organisation's admins edit its legal identity, settings and logo; every change is audited. */
@Injectable()
export class OrganisationSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly profiles: OrganisationProfileRepository,
    private readonly audit: AuditService,
  ) {}

  async get(organisationId: string): Promise<OrganisationSettings> {
    const settings = await this.profiles.settings(organisationId);
    if (!settings) throw OrganisationErrors.not_found();
    return settings;
  }

  async update(actor: OrganisationActor, request: UpdateOrganisationSettingsRequest): Promise<OrganisationSettings> {
    assertLegalIdentity(request);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.profiles.settings(actor.organisationId, true, manager);
      if (!before) throw OrganisationErrors.not_found();
      if (!(await this.profiles.knownTimeZone(request.timeZone, manager))) throw OrganisationErrors.unknown_time_zone({ timeZone: request.timeZone });
      await this.profiles.updateSettings(actor.organisationId, request, manager);
      const after = await this.profiles.settings(actor.organisationId, false, manager);
      if (!after) throw OrganisationErrors.not_found();
      await this.audit.recordBy(manager, actor, { action: 'organisation.updated', entityType: 'organisation', entityId: actor.organisationId, before: changed(before, after), after: changed(after, before) });
      return after;
    });
  }

  async logo(organisationId: string): Promise<OrganisationLogo> {
    const logo = await this.profiles.logo(organisationId);
    if (!logo) throw OrganisationErrors.logo_not_found();
    return logo;
  }

  async putLogo(actor: OrganisationActor, contentType: LogoContentType, base64: string): Promise<void> {
    const data = Buffer.from(base64, 'base64');
    if (data.length > LOGO_MAX_BYTES) throw OrganisationErrors.logo_too_large({ size: data.length, max: LOGO_MAX_BYTES });
    if (!isImageOf(contentType, data)) throw OrganisationErrors.logo_not_an_image();
    await this.dataSource.transaction(async (manager) => {
      await this.profiles.putLogo(actor.organisationId, contentType, data, manager);
      await this.audit.recordBy(manager, actor, { action: 'organisation.logo_changed', entityType: 'organisation', entityId: actor.organisationId, after: { contentType, bytes: data.length } });
    });
  }

  async deleteLogo(actor: OrganisationActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.profiles.deleteLogo(actor.organisationId, manager))) throw OrganisationErrors.logo_not_found();
      await this.audit.recordBy(manager, actor, { action: 'organisation.logo_removed', entityType: 'organisation', entityId: actor.organisationId });
    });
  }
}

/** The fields of `a` that differ from `b`: what the audit entry records. */
function changed(a: OrganisationSettings, b: OrganisationSettings): Partial<OrganisationSettings> {
  const keys = Object.keys(a) as Array<keyof OrganisationSettings>;
  return Object.fromEntries(keys.filter((key) => a[key] !== b[key]).map((key) => [key, a[key]]));
}
