import type { DataSource } from 'typeorm';
import { isValidSiren, ROLES } from '@incubator/contracts';
import { DEMO_OPERATOR, DEMO_ORGANISATIONS, seedDemoData, SeedRefusedError } from './demo-seed';

describe('demo seed', () => {
  it('refuses to run in production, before touching the database', async () => {
    const untouchable = new Proxy({}, { get: () => { throw new Error('database used'); } }) as DataSource;
    await expect(seedDemoData(untouchable, 'production')).rejects.toBeInstanceOf(SeedRefusedError);
  });

  it('has one account per role in the demo organisation and a second tenant', () => {
    const demo = DEMO_ORGANISATIONS.find((o) => o.slug === 'demo');
    expect(demo?.users.map((u) => u.role).sort()).toEqual([...ROLES].sort());
    expect(DEMO_ORGANISATIONS.filter((o) => o.slug !== 'demo').length).toBeGreaterThanOrEqual(1);
  });

  it('has a platform operator who is a member of no organisation', () => {
    expect(DEMO_OPERATOR.email).toBe('operator@demo.test');
    const members = DEMO_ORGANISATIONS.flatMap((organisation) => organisation.users.map((user) => user.email));
    expect(members).not.toContain(DEMO_OPERATOR.email);
  });

  it('ties every startup member to a startup of their own organisation', () => {
    for (const organisation of DEMO_ORGANISATIONS) {
      for (const user of organisation.users.filter((u) => u.role === 'startup')) {
        expect(organisation.startups.map((s) => s.legalName)).toContain(user.startup);
      }
    }
  });
});

describe('demo startups', () => {
  it('carry valid SIRENs', () => {
    for (const organisation of DEMO_ORGANISATIONS) {
      for (const startup of organisation.startups) expect(isValidSiren(startup.siren)).toBe(true);
    }
  });
});
