import type { DataSource } from 'typeorm';
import { OrganisationProfileRepository } from './organisation-profile.repository';

describe('OrganisationProfileRepository', () => {
  const db = (rows: unknown[]) => ({ query: jest.fn().mockResolvedValue(rows) });
  const repository = (database: ReturnType<typeof db>) => new OrganisationProfileRepository(database as unknown as DataSource);

  it('maps an organisation’s operator row, suspended or not', async () => {
    const row = {
      id: 'o1',
      slug: 'eura',
      name: 'EuraTechnologies',
      legal_name: 'EuraTechnologies SAS',
      siren: '732829320',
      members: 3,
      admins: 1,
      pending_invitations: 2,
      created_at: new Date('2026-11-20T07:00:00Z'),
      suspended_at: new Date('2026-12-01T10:00:00Z'),
    };
    expect(await repository(db([row])).operatorList()).toEqual([
      {
        id: 'o1',
        slug: 'eura',
        name: 'EuraTechnologies',
        legalName: 'EuraTechnologies SAS',
        siren: '732829320',
        members: 3,
        admins: 1,
        pendingInvitations: 2,
        createdAt: '2026-11-20T07:00:00.000Z',
        suspendedAt: '2026-12-01T10:00:00.000Z',
      },
    ]);
  });

  it('answers null for a taken slug, and whether an organisation is suspended', async () => {
    expect(await repository(db([])).insert({ slug: 'demo' } as never)).toBeNull();
    expect(await repository(db([{ suspended: true }])).isSuspended('o1')).toBe(true);
    expect(await repository(db([])).isSuspended('o1')).toBe(false);
  });
});
