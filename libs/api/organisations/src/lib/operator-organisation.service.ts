import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { CreateOrganisationRequest, OperatorOrganisation } from '@incubator/contracts';
import { OrganisationErrors } from './organisation.errors';
import { OrganisationProfileRepository } from './organisation-profile.repository';
import { assertLegalIdentity } from './organisation-settings.service';

/** The platform operator, outside every organisation (structurally, identity's OperatorCaller). */
export interface PlatformActor {
  userId: string;
  requestId: string | null;
}

/**
 * The platform operator creates organisations, suspends and reactivates them. Each change is audited in
 * the organisation's own trail (its admins see who created or suspended it). A suspended organisation
 * keeps its data; identity refuses its members' sign-ins and refreshes (the sign-in query joins it).
 */
@Injectable()
export class OperatorOrganisationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly profiles: OrganisationProfileRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<OperatorOrganisation[]> {
    return this.profiles.operatorList();
  }

  async get(organisationId: string): Promise<OperatorOrganisation> {
    const organisation = await this.profiles.operatorFind(organisationId);
    if (!organisation) throw OrganisationErrors.not_found();
    return organisation;
  }

  /** Creates the organisation (its first admin is invited separately, by identity). */
  async create(operator: PlatformActor, request: Omit<CreateOrganisationRequest, 'adminEmail'>): Promise<OperatorOrganisation> {
    assertLegalIdentity(request);
    const organisationId = await this.dataSource.transaction(async (manager) => {
      if (!(await this.profiles.knownTimeZone(request.timeZone, manager))) throw OrganisationErrors.unknown_time_zone({ timeZone: request.timeZone });
      const id = await this.profiles.insert(
        {
          slug: request.slug,
          name: request.name,
          legalName: request.legalName,
          siren: request.siren,
          siret: request.siret ?? null,
          vatNumber: request.vatNumber ?? null,
          addressLine1: request.addressLine1 ?? null,
          postcode: request.postcode ?? null,
          city: request.city ?? null,
          country: request.country ?? 'FR',
          timeZone: request.timeZone,
          defaultLocale: request.defaultLocale,
          currency: request.currency,
        },
        manager,
      );
      if (!id) throw OrganisationErrors.slug_taken({ slug: request.slug });
      await this.audit.recordBy(manager, { ...operator, organisationId: id }, {
        action: 'organisation.created',
        entityType: 'organisation',
        entityId: id,
        after: { slug: request.slug, name: request.name, legalName: request.legalName, siren: request.siren },
      });
      return id;
    });
    return this.get(organisationId);
  }

  suspend(operator: PlatformActor, organisationId: string): Promise<OperatorOrganisation> {
    return this.setSuspended(operator, organisationId, true);
  }

  reactivate(operator: PlatformActor, organisationId: string): Promise<OperatorOrganisation> {
    return this.setSuspended(operator, organisationId, false);
  }

  private async setSuspended(operator: PlatformActor, organisationId: string, suspended: boolean): Promise<OperatorOrganisation> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.profiles.settings(organisationId, true, manager);
      if (!current) throw OrganisationErrors.not_found();
      if (suspended && current.suspendedAt) throw OrganisationErrors.already_suspended();
      if (!suspended && !current.suspendedAt) throw OrganisationErrors.not_suspended();
      await this.profiles.setSuspended(organisationId, suspended, manager);
      await this.audit.recordBy(manager, { ...operator, organisationId }, {
        action: suspended ? 'organisation.suspended' : 'organisation.reactivated',
        entityType: 'organisation',
        entityId: organisationId,
      });
    });
    return this.get(organisationId);
  }
}
