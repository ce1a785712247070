import { loginDelayMs } from './login-throttle';

const config = { LOGIN_DELAY_AFTER_FAILURES: 3, LOGIN_DELAY_BASE_MS: 500, LOGIN_DELAY_MAX_MS: 10_000 };

describe('loginDelayMs: the progressive per-account delay', () => {
  it('leaves the first failures free, then doubles from the base delay', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((failures) => loginDelayMs(failures, config))).toEqual([0, 0, 0, 0, 500, 1_000, 2_000, 4_000]);
  });

  it('never waits longer than the maximum, however long the attack', () => {
    expect(loginDelayMs(9, config)).toBe(10_000);
    expect(loginDelayMs(10_000, config)).toBe(10_000);
    expect(Number.isFinite(loginDelayMs(Number.MAX_SAFE_INTEGER, config))).toBe(true);
  });

  it('is off with a base delay of 0', () => {
    expect(loginDelayMs(100, { ...config, LOGIN_DELAY_BASE_MS: 0 })).toBe(0);
  });
});
