import { officeDay } from './lease-office.service';

describe('the day an office is shown on', () => {
  const lease = { startsOn: '2027-01-01', endsOn: '2027-07-01' };

  it('is today while the lease runs', () => {
    expect(officeDay(lease, '2027-03-15')).toBe('2027-03-15');
    expect(officeDay({ startsOn: '2027-01-01', endsOn: null }, '2030-01-01')).toBe('2030-01-01');
  });

  it('is the first day of a lease that has not started, the last day of one that ended', () => {
    expect(officeDay(lease, '2026-12-20')).toBe('2027-01-01');
    expect(officeDay(lease, '2027-07-01')).toBe('2027-06-30');
  });
});
