import { daysBetween, reminderLevel } from './overdue-reminders';

describe('overdue reminder levels', () => {
  it('counts calendar days across months and years', () => {
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('reaches level 1 the day after the due date, 2 after 15 days, 3 after 30', () => {
    expect(reminderLevel('2026-11-30', '2026-11-30')).toBe(0);
    expect(reminderLevel('2026-11-30', '2026-12-01')).toBe(1);
    expect(reminderLevel('2026-11-30', '2026-12-14')).toBe(1);
    expect(reminderLevel('2026-11-30', '2026-12-15')).toBe(2);
    expect(reminderLevel('2026-11-30', '2026-12-30')).toBe(3);
    expect(reminderLevel('2026-11-30', '2027-06-30')).toBe(3);
  });
});
