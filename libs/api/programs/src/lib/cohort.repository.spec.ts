import type { DataSource } from 'typeorm';
import { CohortRepository } from './cohort.repository';

describe('CohortRepository', () => {
  const repository = (rows: unknown[]) => new CohortRepository({ query: jest.fn().mockResolvedValue(rows) } as unknown as DataSource);

  it('maps a cohort with its program and seats taken', async () => {
    const row = { id: 'c1', organisation_id: 'o1', program_id: 'p1', program_name: 'Accel', program_kind: 'accelerator', name: 'Spring', starts_on: '2027-03-01', ends_on: '2027-09-01', capacity: 10, seated: 3, archived_at: null };
    expect(await repository([row]).find('o1', 'c1')).toEqual({
      id: 'c1',
      programId: 'p1',
      programName: 'Accel',
      programKind: 'accelerator',
      name: 'Spring',
      startsOn: '2027-03-01',
      endsOn: '2027-09-01',
      capacity: 10,
      seated: 3,
      archivedAt: null,
    });
    expect(await repository([]).find('o1', 'c1')).toBeNull();
    const archivedAt = new Date('2027-10-01T08:00:00Z');
    expect((await repository([{ ...row, archived_at: archivedAt }]).find('o1', 'c1'))?.archivedAt).toBe('2027-10-01T08:00:00.000Z');
  });

  it('maps the board: milestones by status and overdue ones per seated startup', async () => {
    const row = { id: 's1', legal_name: 'Canopée', enrollment_status: 'active', planned: 1, in_progress: 2, achieved: 3, missed: 0, overdue: 1 };
    expect(await repository([row]).board('o1', 'c1')).toEqual([
      { startupId: 's1', legalName: 'Canopée', enrollmentStatus: 'active', milestones: { planned: 1, in_progress: 2, achieved: 3, missed: 0 }, overdue: 1 },
    ]);
  });
});
