import type { DataSource } from 'typeorm';
import { assertStartupVisible } from './startup-visibility';
import { StartupRepository } from './startup.repository';

const row = {
  id: 's1',
  organisation_id: 'o1',
  legal_name: 'Canopée Data SAS',
  country: 'FR',
  siren: '732829320',
  sector: 'ai',
  founded_on: '2024-02-01',
  stage: 'mvp',
  website: null,
  description: null,
  team_size: 4,
  created_at: new Date('2025-01-01T00:00:00Z'),
  updated_at: new Date('2025-01-02T00:00:00Z'),
  enrollment_id: null,
  cohort_id: null,
  cohort_name: null,
  program_name: null,
  enrollment_status: null,
  alumni: false,
};

const db = (rows: unknown[]) => ({ query: jest.fn().mockResolvedValue(rows) });

describe('StartupRepository', () => {
  it('maps a startup without enrollment, its char(2) country trimmed', async () => {
    const startups = new StartupRepository(db([{ ...row, country: 'BE' }]) as unknown as DataSource);
    expect(await startups.find('o1', 's1')).toMatchObject({ country: 'BE', currentEnrollment: null, foundedOn: '2024-02-01', createdAt: '2025-01-01T00:00:00.000Z' });
  });

  it('maps the latest enrollment when there is one', async () => {
    const enrolled = { ...row, enrollment_id: 'e1', cohort_id: 'c1', cohort_name: 'Spring', program_name: 'Accel', enrollment_status: 'admitted', alumni: true };
    const startups = new StartupRepository(db([enrolled]) as unknown as DataSource);
    expect((await startups.find('o1', 's1'))?.currentEnrollment).toEqual({ id: 'e1', cohortId: 'c1', cohortName: 'Spring', programName: 'Accel', status: 'admitted' });
  });

  it('names the startup that holds a SIREN, or null', async () => {
    expect(await new StartupRepository(db([{ id: 's1', legal_name: 'Canopée Data SAS' }]) as unknown as DataSource).withSiren('o1', '732829320')).toEqual({ id: 's1', legalName: 'Canopée Data SAS' });
    expect(await new StartupRepository(db([]) as unknown as DataSource).withSiren('o1', '732829320')).toBeNull();
  });
});

describe('assertStartupVisible', () => {
  const manager = { organisationId: 'o1', role: 'manager' as const, startupId: null };

  it('passes for a startup of the organisation', async () => {
    await expect(assertStartupVisible(db([{ exists: 1 }]), manager, 's1')).resolves.toBeUndefined();
  });

  it('answers startup.not_found for another organisation’s startup, and for another startup to a startup member, without a query', async () => {
    await expect(assertStartupVisible(db([]), manager, 's2')).rejects.toMatchObject({ code: 'startup.not_found', status: 404 });
    const member = db([{ exists: 1 }]);
    await expect(assertStartupVisible(member, { organisationId: 'o1', role: 'startup', startupId: 's1' }, 's2')).rejects.toMatchObject({ code: 'startup.not_found' });
    expect(member.query).not.toHaveBeenCalled();
  });
});
