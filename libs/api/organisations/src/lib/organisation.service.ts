import { Injectable } from '@nestjs/common';
import type { OrganisationResponse } from '@incubator/contracts';
import { OrganisationErrors } from './organisation.errors';
import { OrganisationRepository } from './organisation.repository';

@Injectable()
export class OrganisationService {
  constructor(private readonly organisations: OrganisationRepository) {}

  async get(organisationId: string): Promise<OrganisationResponse> {
    const organisation = await this.organisations.find(organisationId);
    if (!organisation) throw OrganisationErrors.not_found();
    return { ...organisation, sites: await this.organisations.sites(organisationId) };
  }
}
