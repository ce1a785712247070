import type { DataSource } from 'typeorm';
import { OnboardingRepository } from './onboarding.repository';

describe('OnboardingRepository', () => {
  const repository = (row: object) => new OnboardingRepository({ query: jest.fn().mockResolvedValue([row]) } as unknown as DataSource);

  it('lists every step in order, done when its count is positive', async () => {
    const progress = await repository({ profile: 1, site: 2, building: 1, floor: 0, prices: 0, programs: 3, team: 0, startups: 0 }).progress('o1', 'u1');
    expect(progress.steps).toEqual([
      { key: 'profile', done: true, count: 1 },
      { key: 'site', done: true, count: 2 },
      { key: 'building', done: true, count: 1 },
      { key: 'floor', done: false, count: 0 },
      { key: 'prices', done: false, count: 0 },
      { key: 'programs', done: true, count: 3 },
      { key: 'team', done: false, count: 0 },
      { key: 'startups', done: false, count: 0 },
    ]);
    expect(progress).toMatchObject({ doneCount: 4, complete: false });
  });

  it('is complete when every step is done', async () => {
    const progress = await repository({ profile: 1, site: 1, building: 1, floor: 1, prices: 1, programs: 1, team: 1, startups: 1 }).progress('o1', 'u1');
    expect(progress).toMatchObject({ doneCount: 8, complete: true });
  });
});
