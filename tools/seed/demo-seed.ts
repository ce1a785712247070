import type { DataSource } from 'typeorm';
import { seedBilling, type BillingSeedTenant } from '@incubator/api/billing';
import { seedApplications } from '@incubator/api/applications';
import { seedFunding, type FundingSeed } from '@incubator/api/funding';
import { PasswordHasher, seedIdentity, type IdentitySeed } from '@incubator/api/identity';
import { seedKpis } from '@incubator/api/kpis';
import { seedOrganisations, type OrganisationSeed } from '@incubator/api/organisations';
import { seedPrograms, type ProgramSeed } from '@incubator/api/programs';
import { seedReports, type ReportSeed } from '@incubator/api/reports';
import { seedSpace, type SpaceSeed } from '@incubator/api/space';
import { seedStartups, type StartupSeed } from '@incubator/api/startups';
import type { Role } from '@incubator/contracts';

/**
 * The demo data set, composed from each domain's own seed function (`<domain>.seed.ts`): it sits above
 * the domains, so the database lib stays below them. Used by `npm start`, `npm run db:seed`, the
 * product launcher of the tests and the deploy test.
 */

/** Every demo account uses this password (documented in the README; demo data only). */
export const DEMO_PASSWORD = 'Demo-2026!';

interface DemoOrganisation {
  slug: string;
  name: string;
  sites: OrganisationSeed['sites'];
  legal?: OrganisationSeed['legal'];
  startups: StartupSeed['startups'];
  /** A building with floors of 24 m² modules (`M`; `.` corridors) and the site's price list in cents/m²/month. */
  space?: { site: string } & Omit<SpaceSeed, 'organisationId' | 'siteId'>;
  /** Investors, closed rounds and validated monthly KPI history of the named startups. */
  funding?: {
    investors: FundingSeed['investors'];
    rounds: FundingSeed['rounds'];
    /** Startups given twelve months of validated KPI reports. */
    kpiHistory: string[];
    /** Targets for the current calendar year. */
    targets: ReportSeed['targets'];
  };
  programs: ProgramSeed['programs'];
  /** The last complete month already billed: these startups' offices (top floor, if they have none), invoices, a credit note, a payment. */
  billing?: Array<Omit<BillingSeedTenant, 'startupId'> & { startup: string }>;
  users: Array<{ email: string; displayName: string; role: Role; locale: 'fr' | 'en'; startup?: string }>;
}

/** A small Lille-like park operator, enough to click through every area, and a second tenant to prove isolation. */
export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    slug: 'demo',
    name: 'Demo Tech Park Lille',
    legal: { legalName: 'Technopôle Démo SAS', siren: '912345675', vatNumber: 'FR65912345675', addressLine1: '165 avenue de Bretagne', postcode: '59000', city: 'Lille' },
    sites: [
      { slug: 'lille', name: 'Demo Tech Park Lille', city: 'Lille', address: '165 avenue de Bretagne, 59000 Lille' },
      { slug: 'eurasante', name: 'Demo Health Campus', city: 'Loos', address: '310 avenue Eugène Avinée, 59120 Loos' },
      { slug: 'plaine-images', name: 'Demo Creative Campus', city: 'Tourcoing', address: '99A boulevard Descat, 59200 Tourcoing' },
    ],
    startups: [
      { legalName: 'Nordlys Robotics SAS', siren: '732829320', sector: 'industry', stage: 'mvp', teamSize: 6 },
      { legalName: 'Canopée Data SAS', siren: '552100554', sector: 'ai', stage: 'revenue', teamSize: 14 },
      { legalName: 'Beffroi Health SAS', siren: '542065479', sector: 'healthtech', stage: 'prototype', teamSize: 4 },
      { legalName: 'Vauban Mobility SAS', siren: '812345601', sector: 'mobility', stage: 'revenue', teamSize: 9 },
      { legalName: 'Citadelle Foods SAS', siren: '812345619', sector: 'foodtech', stage: 'mvp', teamSize: 5 },
    ],
    funding: {
      investors: [
        { name: 'Bpifrance', kind: 'public_bank' },
        { name: 'Nord Amorçage Capital', kind: 'fund' },
        { name: 'Business Angels des Flandres', kind: 'business_angel' },
      ],
      rounds: [
        { startup: 'Canopée Data SAS', kind: 'seed', amountEuros: 1_200_000, closedOn: '2026-03-12', lead: 'Nord Amorçage Capital', investors: ['Bpifrance'] },
        { startup: 'Nordlys Robotics SAS', kind: 'pre_seed', amountEuros: 300_000, closedOn: '2025-11-05', lead: 'Business Angels des Flandres', investors: [] },
        { startup: 'Nordlys Robotics SAS', kind: 'grant', amountEuros: 30_000, closedOn: '2026-02-20', lead: 'Bpifrance', investors: [] },
      ],
      kpiHistory: ['Nordlys Robotics SAS', 'Canopée Data SAS', 'Vauban Mobility SAS', 'Citadelle Foods SAS'],
      targets: [
        { key: 'jobs_created', value: 40 },
        { key: 'active_startups', value: 6 },
        { key: 'funds_raised_eur', value: 2_500_000 },
      ],
    },
    programs: [
      {
        site: 'lille',
        kind: 'incubator',
        name: 'Incubateur Lille',
        cohort: { name: 'Promo 2026', startsOn: '2026-01-05', endsOn: '2026-12-19', capacity: 12, enroll: [['Nordlys Robotics SAS', 'active'], ['Canopée Data SAS', 'graduated'], ['Vauban Mobility SAS', 'active'], ['Citadelle Foods SAS', 'active']] },
      },
      {
        site: 'eurasante',
        kind: 'accelerator',
        name: 'Health Accelerator',
        cohort: { name: 'Batch 2026-S2', startsOn: '2026-09-01', endsOn: '2027-03-01', capacity: 8, enroll: [['Beffroi Health SAS', 'applied']] },
      },
      { site: 'lille', kind: 'business_centre', name: 'Business Centre Lille' },
    ],
    space: {
      site: 'lille',
      building: 'Bâtiment Blan-Lafont',
      prices: { incubator: 1500, accelerator: 1900, business_centre: 2400 },
      floors: [
        { level: 1, name: 'Niveau 1', layout: 'MMMMM.MMMMM\nMMMMM.MMMMM\n...........\nMMMMM.MMMMM' },
        { level: 2, name: 'Niveau 2', layout: 'MMMMMMMMMM\nMMMM..MMMM\nMMMMMMMMMM' },
      ],
    },
    billing: [
      { startup: 'Nordlys Robotics SAS', recipients: ['startup@demo.test'], locale: 'fr', modules: 3, startsOn: '2026-02-02', monthlyPricePerM2Cents: 2400 },
      { startup: 'Canopée Data SAS', recipients: ['compta@canopee.test'], locale: 'en', modules: 4, startsOn: '2026-05-01', monthlyPricePerM2Cents: 2400 },
      { startup: 'Vauban Mobility SAS', recipients: ['finance@vauban.test'], locale: 'fr', modules: 2, startsOn: 'mid-month', monthlyPricePerM2Cents: 2400 },
    ],
    users: [
      { email: 'admin@demo.test', displayName: 'Claire Admin', role: 'admin', locale: 'fr' },
      { email: 'manager@demo.test', displayName: 'Marc Manager', role: 'manager', locale: 'fr' },
      { email: 'board@demo.test', displayName: 'Beatrice Board', role: 'board', locale: 'en' },
      { email: 'startup@demo.test', displayName: 'Sami Founder', role: 'startup', locale: 'fr', startup: 'Nordlys Robotics SAS' },
      { email: 'reviewer@demo.test', displayName: 'Romane Reviewer', role: 'reviewer', locale: 'fr' },
    ],
  },
  {
    slug: 'other',
    name: 'Other Innovation Park',
    sites: [{ slug: 'calais', name: 'Other Park Calais', city: 'Calais', address: '1 rue du Port, 62100 Calais' }],
    startups: [{ legalName: 'Opale Energy SAS', siren: '443061841', sector: 'greentech', stage: 'mvp', teamSize: 5 }],
    programs: [
      {
        site: 'calais',
        kind: 'incubator',
        name: 'Incubateur Côte d’Opale',
        cohort: { name: 'Promo 2026', startsOn: '2026-02-02', endsOn: '2026-11-30', capacity: 6, enroll: [['Opale Energy SAS', 'active']] },
      },
    ],
    users: [
      { email: 'admin@other.test', displayName: 'Olivia Other-Admin', role: 'admin', locale: 'en' },
      { email: 'manager@other.test', displayName: 'Oscar Other-Manager', role: 'manager', locale: 'fr' },
      { email: 'startup@other.test', displayName: 'Odile Other-Founder', role: 'startup', locale: 'fr', startup: 'Opale Energy SAS' },
    ],
  },
];

/** The platform operator of the demo: outside both organisations, sees the global queues and heartbeats. */
export const DEMO_OPERATOR = { email: 'operator@demo.test', displayName: 'Olivier Opérateur', locale: 'fr' as const };

export class SeedRefusedError extends Error {}

/**
 * Writes the demo organisations, sites, startups, one account per role and the platform operator. Idempotent: rows are
 * keyed by slug, name or email, so `npm start` runs it every time. Refuses to run in production.
 */
export async function seedDemoData(dataSource: DataSource, nodeEnv = process.env['NODE_ENV']): Promise<void> {
  if (nodeEnv === 'production') throw new SeedRefusedError('The demo seed never runs with NODE_ENV=production');
  const passwordHash = await new PasswordHasher().hash(DEMO_PASSWORD);
  await dataSource.transaction(async (manager) => {
    const members: IdentitySeed['members'] = [];
    const organisationIds = new Map<string, string>();
    for (const demo of DEMO_ORGANISATIONS) {
      const { organisationId, siteIds } = await seedOrganisations(manager, { slug: demo.slug, name: demo.name, sites: demo.sites, legal: demo.legal });
      organisationIds.set(demo.slug, organisationId);
      const startupIds = await seedStartups(manager, { organisationId, startups: demo.startups });
      await seedPrograms(manager, { organisationId, siteIds, startupIds, programs: demo.programs });
      if (demo.space) {
        const { site, ...space } = demo.space;
        await seedSpace(manager, { organisationId, siteId: idOf(siteIds, site), ...space });
      }
      if (demo.funding) {
        const { investors, rounds, kpiHistory, targets } = demo.funding;
        await seedFunding(manager, { organisationId, startupIds, investors, rounds });
        await seedKpis(manager, { organisationId, startupIds: kpiHistory.map((name) => idOf(startupIds, name)) });
        await seedReports(manager, { organisationId, targets });
      }
      if (demo.billing) await seedBilling(manager, { organisationId, tenants: demo.billing.map(({ startup, ...tenant }) => ({ ...tenant, startupId: idOf(startupIds, startup) })) });
      for (const { startup, ...user } of demo.users) members.push({ organisationId, ...user, startupId: startup ? idOf(startupIds, startup) : null });
    }
    const userIds = await seedIdentity(manager, { passwordHash, members, operator: DEMO_OPERATOR });
    // An open call of the health accelerator's next batch, with a few applications, some reviewed by the demo reviewer.
    await seedApplications(manager, {
      organisationId: idOf(organisationIds, 'demo'),
      programName: 'Health Accelerator',
      cohortName: 'Batch 2026-S2',
      slug: 'health-2026',
      reviewerIds: [idOf(userIds, 'reviewer@demo.test')],
    });
  });
}

function idOf(ids: ReadonlyMap<string, string>, name: string): string {
  const id = ids.get(name);
  if (!id) throw new Error(`The demo data names ${name}, which it does not declare`);
  return id;
}
