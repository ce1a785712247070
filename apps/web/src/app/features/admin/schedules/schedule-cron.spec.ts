import { dayOfMonth, describeCron, parseCron, SimpleSchedule, toCron, weekdayName } from './schedule-cron';

describe('schedule cron', () => {
  it.each<[SimpleSchedule, string]>([
    [{ frequency: 'daily', day: 1, hour: 8, minute: 0 }, '0 8 * * *'],
    [{ frequency: 'weekly', day: 1, hour: 9, minute: 30 }, '30 9 * * 1'],
    [{ frequency: 'monthly', day: 3, hour: 9, minute: 0 }, '0 9 3 * *'],
    [{ frequency: 'quarterly', day: 5, hour: 7, minute: 0 }, '0 7 5 1,4,7,10 *'],
  ])('writes %j as "%s" and reads it back', (schedule, cron) => {
    expect(toCron(schedule)).toBe(cron);
    expect(parseCron(cron)).toEqual(schedule);
  });

  it('reads Sunday written as 7, and extra spaces', () => {
    expect(parseCron(' 0  8 * * 7 ')).toEqual({ frequency: 'weekly', day: 0, hour: 8, minute: 0 });
  });

  it.each(['*/5 * * * *', '0 8 * * 1-5', '0 8 31 * *', '0 8 1 2 *', '0 8 1 * 1', '61 8 * * *', '0 24 * * *', '0 8 * *', 'nonsense'])(
    'leaves "%s" to the raw cron field',
    (cron) => {
      expect(parseCron(cron)).toBeNull();
    },
  );

  it('names days in the user language, Monday first in the week of cron', () => {
    expect(weekdayName(1, 'fr')).toBe('lundi');
    expect(weekdayName(0, 'en')).toBe('Sunday');
    expect(dayOfMonth(1, 'fr')).toBe('1er');
    expect(dayOfMonth(3, 'fr')).toBe('3');
    expect(dayOfMonth(1, 'en')).toBe('1st');
    expect(dayOfMonth(12, 'en')).toBe('12th');
    expect(dayOfMonth(22, 'en')).toBe('22nd');
  });

  it('describes each kind of expression', () => {
    expect(describeCron('0 8 * * *', 'fr')).toEqual({ key: 'daily', params: { time: '08:00' } });
    expect(describeCron('30 9 * * 1', 'fr')).toEqual({ key: 'weekly', params: { time: '09:30', day: 'lundi' } });
    expect(describeCron('0 7 5 1,4,7,10 *', 'en')).toEqual({ key: 'quarterly', params: { time: '07:00', day: '5th' } });
    expect(describeCron('0 6 1 * *', 'fr')).toEqual({ key: 'monthly', params: { time: '06:00', day: '1er' } });
    expect(describeCron('*/5 * * * *', 'fr')).toEqual({ key: 'everyMinutes', params: { count: 5 } });
    expect(describeCron('15 * * * *', 'fr')).toEqual({ key: 'hourly', params: { minute: '15' } });
    expect(describeCron('0 8 * * 1-5', 'fr')).toEqual({ key: 'custom', params: { cron: '0 8 * * 1-5' } });
  });
});
