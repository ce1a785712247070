import type { EntityManager } from 'typeorm';

/** An organisation of the demo and its sites, keyed by slug so reseeding updates instead of adding. */
export interface OrganisationSeed {
  slug: string;
  name: string;
  sites: Array<{ slug: string; name: string; city: string; address: string }>;
  /** The legal identity invoices carry; fields an admin has since filled are kept. */
  legal?: { legalName: string; siren: string; vatNumber: string; addressLine1: string; postcode: string; city: string };
}

export interface SeededOrganisation {
  organisationId: string;
  /** Site ids by slug. */
  siteIds: Map<string, string>;
}

/** Writes (or updates) one organisation and its sites; the other domains' seeds hang off the ids returned. */
export async function seedOrganisations(manager: EntityManager, data: OrganisationSeed): Promise<SeededOrganisation> {
  const [organisation] = await manager.query<Array<{ id: string }>>(
    `INSERT INTO organisations (slug, name) VALUES ($1, $2)
     ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, updated_at = now() RETURNING id`,
    [data.slug, data.name],
  );
  if (data.legal) {
    const { legalName, siren, vatNumber, addressLine1, postcode, city } = data.legal;
    await manager.query(
      `UPDATE organisations SET legal_name = COALESCE(legal_name, $2), siren = COALESCE(siren, $3), vat_number = COALESCE(vat_number, $4),
         address_line1 = COALESCE(address_line1, $5), postcode = COALESCE(postcode, $6), city = COALESCE(city, $7)
       WHERE id = $1`,
      [organisation.id, legalName, siren, vatNumber, addressLine1, postcode, city],
    );
  }
  const siteIds = new Map<string, string>();
  for (const site of data.sites) {
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO sites (organisation_id, slug, name, city, address) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (organisation_id, slug) DO UPDATE
         SET name = EXCLUDED.name, city = EXCLUDED.city, address = EXCLUDED.address, updated_at = now()
       RETURNING id`,
      [organisation.id, site.slug, site.name, site.city, site.address],
    );
    siteIds.set(site.slug, row.id);
  }
  return { organisationId: organisation.id, siteIds };
}
