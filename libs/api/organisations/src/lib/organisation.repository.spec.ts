import type { DataSource } from 'typeorm';
import { OrganisationRepository, organisationToday } from './organisation.repository';

describe('OrganisationRepository', () => {
  const db = (rows: unknown[]) => ({ query: jest.fn().mockResolvedValue(rows) });

  it('finds an organisation, or null', async () => {
    const row = { id: 'o1', slug: 'demo', name: 'Demo Park', time_zone: 'Europe/Paris', default_locale: 'fr' };
    expect(await new OrganisationRepository(db([row]) as unknown as DataSource).find('o1')).toEqual({ id: 'o1', slug: 'demo', name: 'Demo Park', timeZone: 'Europe/Paris', defaultLocale: 'fr' });
    expect(await new OrganisationRepository(db([]) as unknown as DataSource).find('o1')).toBeNull();
  });

  it('reads today in the organisation’s time zone, with the manager it is given', async () => {
    const manager = db([{ today: '2026-12-01' }]);
    expect(await organisationToday(manager, 'o1')).toBe('2026-12-01');
    expect(manager.query.mock.calls[0][1]).toEqual(['o1']);
  });
});
