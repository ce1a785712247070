import { cronProblem } from './cron';

describe('cron expressions: five fields, at most every 5 minutes', () => {
  it('accepts the schedules the product uses and anything at least 5 minutes apart', () => {
    for (const cron of ['0 7 5 1,4,7,10 *', '0 6 * * *', '*/5 * * * *', '0,5,10 * * * *', '55 23 * * *', '0 8 * * 1-5']) expect([cron, cronProblem(cron)]).toEqual([cron, null]);
  });

  it('refuses a sixth (seconds) field, macros and junk', () => {
    expect(cronProblem('* * * * * *')).toBe('fields');
    expect(cronProblem('0 0 7 * * *')).toBe('fields');
    expect(cronProblem('@hourly')).toBe('fields');
    expect(cronProblem('61 * * * *')).toBe('syntax');
    expect(cronProblem('a b c d e')).toBe('syntax');
  });

  it('refuses runs closer than 5 minutes, also across an hour or a day boundary', () => {
    expect(cronProblem('* * * * *')).toBe('frequency');
    expect(cronProblem('*/2 * * * *')).toBe('frequency');
    expect(cronProblem('0,4 * * * *')).toBe('frequency');
    expect(cronProblem('0,58 * * * *')).toBe('frequency'); // :58 then :00 of the next hour
    expect(cronProblem('0,58 0,23 * * *')).toBe('frequency'); // 23:58 then 00:00 the next day
  });
});
