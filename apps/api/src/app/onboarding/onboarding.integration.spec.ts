import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OnboardingRepository } from '@incubator/api/organisations';
import type { OnboardingResponse } from '@incubator/contracts';
import { signIn, startTestApi } from '../../test/test-app';

describe('GET /api/onboarding: the set-up checklist, ticked from the data (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let api: string;
  let db: DataSource;

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    db = app.get(DataSource);
  });

  afterAll(() => app.close());

  const doneKeys = (progress: OnboardingResponse) => progress.steps.filter((step) => step.done).map((step) => step.key);

  it('shows the demo organisation fully set up, to its admins only', async () => {
    const response = await fetch(`${api}/onboarding`, { headers: await signIn(api, 'admin@demo.test') });
    expect(response.status).toBe(200);
    const progress = (await response.json()) as OnboardingResponse;
    expect(progress.steps.map((step) => step.key)).toEqual(['profile', 'site', 'building', 'floor', 'prices', 'programs', 'team', 'startups']);
    for (const key of ['site', 'building', 'floor', 'prices', 'programs', 'team', 'startups']) expect(progress.steps.find((s) => s.key === key)?.count).toBeGreaterThan(0);
    expect((await fetch(`${api}/onboarding`, { headers: await signIn(api, 'manager@demo.test') })).status).toBe(403);
  });

  it('ticks each step of a new organisation as its data appears', async () => {
    const onboarding = app.get(OnboardingRepository);
    const [org] = await db.query(`INSERT INTO organisations (slug, name) VALUES ($1, 'Nouveau parc') RETURNING id`, [`new-${randomUUID().slice(0, 8)}`]);
    const [admin] = await db.query(`INSERT INTO users (email, display_name, password_hash) VALUES ($1, 'Admin', 'x') RETURNING id`, [`${randomUUID()}@new.test`]);
    await db.query(`INSERT INTO memberships (user_id, organisation_id, role) VALUES ($1, $2, 'admin')`, [admin.id, org.id]);

    const empty = await onboarding.progress(org.id, admin.id);
    expect(empty).toMatchObject({ doneCount: 0, complete: false });
    expect(empty.steps.every((step) => step.count === 0)).toBe(true);

    await db.query(`UPDATE organisations SET legal_name = 'Nouveau Parc SAS' WHERE id = $1`, [org.id]);
    expect(doneKeys(await onboarding.progress(org.id, admin.id))).toEqual([]); // French: the SIREN too
    await db.query(`UPDATE organisations SET siren = '732829320' WHERE id = $1`, [org.id]);
    const [site] = await db.query(`INSERT INTO sites (organisation_id, slug, name, city) VALUES ($1, 'lille', 'Lille', 'Lille') RETURNING id`, [org.id]);
    const [building] = await db.query(`INSERT INTO buildings (organisation_id, site_id, name) VALUES ($1, $2, 'A') RETURNING id`, [org.id, site.id]);
    expect(doneKeys(await onboarding.progress(org.id, admin.id))).toEqual(['profile', 'site', 'building']);

    await db.query(`INSERT INTO floors (organisation_id, building_id, level, name, layout) VALUES ($1, $2, 0, 'RDC', 'MM')`, [org.id, building.id]);
    await db.query(`INSERT INTO space_prices (organisation_id, site_id, program_kind, monthly_price_per_m2_cents, effective_from) VALUES ($1, $2, 'incubator', 1500, DATE '2027-01-01')`, [org.id, site.id]);
    await db.query(`INSERT INTO programs (organisation_id, site_id, kind, name) VALUES ($1, $2, 'incubator', 'Incub')`, [org.id, site.id]);
    await db.query(`INSERT INTO invitations (organisation_id, email, role, locale, token_hash, expires_at) VALUES ($1, 'm@new.test', 'manager', 'fr', $2, now() + interval '7 days')`, [
      org.id,
      randomUUID().replace(/-/g, '').repeat(2),
    ]);
    await db.query(`INSERT INTO startups (organisation_id, legal_name, country, sector, stage) VALUES ($1, 'Canopée', 'BE', 'ai', 'idea')`, [org.id]);
    const full = await onboarding.progress(org.id, admin.id);
    expect(full).toMatchObject({ doneCount: 8, complete: true });
    expect(full.steps.find((step) => step.key === 'team')?.count).toBe(1);

    // Archived things do not count: archiving the only site unticks site, building, floor and prices.
    await db.query(`UPDATE sites SET archived_at = now() WHERE id = $1`, [site.id]);
    expect(doneKeys(await onboarding.progress(org.id, admin.id))).toEqual(['profile', 'programs', 'team', 'startups']);
  });
});
