import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OrganisationResponse } from '@incubator/contracts';

@Injectable()
export class OrganisationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(organisationId: string): Promise<OrganisationResponse> {
    const [organisation] = await this.dataSource.query(
      'SELECT id, slug, name, time_zone, default_locale FROM organisations WHERE id = $1',
      [organisationId],
    );
    if (!organisation) throw new NotFoundException();
    const sites = await this.dataSource.query('SELECT id, slug, name, city, address FROM sites WHERE organisation_id = $1 ORDER BY name', [organisationId]);
    return {
      id: organisation.id,
      slug: organisation.slug,
      name: organisation.name,
      timeZone: organisation.time_zone,
      defaultLocale: organisation.default_locale,
      sites,
    };
  }
}
