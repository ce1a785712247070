import { DataSource, EntityManager } from 'typeorm';
import { PasswordHasher } from '@incubator/api/identity';
import type { Role } from '@incubator/contracts';

/** Every demo account uses this password (documented in the README; demo data only). */
export const DEMO_PASSWORD = 'Demo-2026!';

interface DemoOrganisation {
  slug: string;
  name: string;
  sites: Array<{ slug: string; name: string; city: string; address: string }>;
  startups: string[];
  users: Array<{ email: string; displayName: string; role: Role; locale: 'fr' | 'en'; startup?: string }>;
}

/** A small Lille-like park operator, enough to click through every area, and a second tenant to prove isolation. */
export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    slug: 'demo',
    name: 'Demo Tech Park Lille',
    sites: [
      { slug: 'lille', name: 'Demo Tech Park Lille', city: 'Lille', address: '165 avenue de Bretagne, 59000 Lille' },
      { slug: 'eurasante', name: 'Demo Health Campus', city: 'Loos', address: '310 avenue Eugène Avinée, 59120 Loos' },
      { slug: 'plaine-images', name: 'Demo Creative Campus', city: 'Tourcoing', address: '99A boulevard Descat, 59200 Tourcoing' },
    ],
    startups: ['Nordlys Robotics SAS', 'Canopée Data SAS', 'Beffroi Health SAS'],
    users: [
      { email: 'admin@demo.test', displayName: 'Claire Admin', role: 'admin', locale: 'fr' },
      { email: 'manager@demo.test', displayName: 'Marc Manager', role: 'manager', locale: 'fr' },
      { email: 'board@demo.test', displayName: 'Beatrice Board', role: 'board', locale: 'en' },
      { email: 'startup@demo.test', displayName: 'Sami Founder', role: 'startup', locale: 'fr', startup: 'Nordlys Robotics SAS' },
    ],
  },
  {
    slug: 'other',
    name: 'Other Innovation Park',
    sites: [{ slug: 'calais', name: 'Other Park Calais', city: 'Calais', address: '1 rue du Port, 62100 Calais' }],
    startups: ['Opale Energy SAS'],
    users: [
      { email: 'admin@other.test', displayName: 'Olivia Other-Admin', role: 'admin', locale: 'en' },
      { email: 'manager@other.test', displayName: 'Oscar Other-Manager', role: 'manager', locale: 'fr' },
      { email: 'startup@other.test', displayName: 'Odile Other-Founder', role: 'startup', locale: 'fr', startup: 'Opale Energy SAS' },
    ],
  },
];

export class SeedRefusedError extends Error {}

/**
 * Writes the demo organisations, sites, startups and one account per role. Idempotent: rows are
 * keyed by slug, name or email, so `npm start` runs it every time. Refuses to run in production.
 */
export async function seedDemoData(dataSource: DataSource, nodeEnv = process.env['NODE_ENV']): Promise<void> {
  if (nodeEnv === 'production') throw new SeedRefusedError('The demo seed never runs with NODE_ENV=production');
  const passwordHash = await new PasswordHasher().hash(DEMO_PASSWORD);
  await dataSource.transaction(async (manager) => {
    for (const organisation of DEMO_ORGANISATIONS) await seedOrganisation(manager, organisation, passwordHash);
  });
}

async function seedOrganisation(manager: EntityManager, demo: DemoOrganisation, passwordHash: string): Promise<void> {
  const [organisation] = await manager.query(
    `INSERT INTO organisations (slug, name) VALUES ($1, $2)
     ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, updated_at = now() RETURNING id`,
    [demo.slug, demo.name],
  );
  for (const site of demo.sites) {
    await manager.query(
      `INSERT INTO sites (organisation_id, slug, name, city, address) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (organisation_id, slug) DO UPDATE
         SET name = EXCLUDED.name, city = EXCLUDED.city, address = EXCLUDED.address, updated_at = now()`,
      [organisation.id, site.slug, site.name, site.city, site.address],
    );
  }
  const startupIds = new Map<string, string>();
  for (const legalName of demo.startups) {
    const [existing] = await manager.query('SELECT id FROM startups WHERE organisation_id = $1 AND legal_name = $2', [organisation.id, legalName]);
    const [row] = existing
      ? [existing]
      : await manager.query('INSERT INTO startups (organisation_id, legal_name) VALUES ($1, $2) RETURNING id', [organisation.id, legalName]);
    startupIds.set(legalName, row.id);
  }
  for (const user of demo.users) {
    const [account] = await manager.query(
      `INSERT INTO users (email, display_name, password_hash, locale) VALUES ($1, $2, $3, $4)
       ON CONFLICT (email) DO UPDATE SET display_name = EXCLUDED.display_name, password_hash = EXCLUDED.password_hash
       RETURNING id`,
      [user.email, user.displayName, passwordHash, user.locale],
    );
    await manager.query(
      `INSERT INTO memberships (user_id, organisation_id, role, startup_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, organisation_id) DO UPDATE
         SET role = EXCLUDED.role, startup_id = EXCLUDED.startup_id, is_active = true, updated_at = now()`,
      [account.id, organisation.id, user.role, user.startup ? startupIds.get(user.startup) : null],
    );
  }
}
