import { DataSource } from 'typeorm';

/** A small Lille-like park operator, enough to click through every area of the product. */
export const DEMO_ORGANISATION = { slug: 'demo', name: 'Demo Tech Park Lille', timeZone: 'Europe/Paris' } as const;

export const DEMO_SITES = [
  { slug: 'lille', name: 'Demo Tech Park Lille', city: 'Lille', address: '165 avenue de Bretagne, 59000 Lille' },
  { slug: 'eurasante', name: 'Demo Health Campus', city: 'Loos', address: '310 avenue Eugène Avinée, 59120 Loos' },
  { slug: 'plaine-images', name: 'Demo Creative Campus', city: 'Tourcoing', address: '99A boulevard Descat, 59200 Tourcoing' },
] as const;

/**
 * Writes the demo organisation and its sites. Idempotent: running it again updates the same rows
 * (keyed by slug) instead of adding new ones, so `npm start` can run it every time.
 */
export async function seedDemoData(dataSource: DataSource): Promise<{ organisationId: string }> {
  return dataSource.transaction(async (manager) => {
    const [organisation] = await manager.query(
      `INSERT INTO organisations (slug, name, time_zone) VALUES ($1, $2, $3)
       ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone, updated_at = now()
       RETURNING id`,
      [DEMO_ORGANISATION.slug, DEMO_ORGANISATION.name, DEMO_ORGANISATION.timeZone],
    );
    for (const site of DEMO_SITES) {
      await manager.query(
        `INSERT INTO sites (organisation_id, slug, name, city, address) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (organisation_id, slug) DO UPDATE
           SET name = EXCLUDED.name, city = EXCLUDED.city, address = EXCLUDED.address, updated_at = now()`,
        [organisation.id, site.slug, site.name, site.city, site.address],
      );
    }
    return { organisationId: organisation.id as string };
  });
}
