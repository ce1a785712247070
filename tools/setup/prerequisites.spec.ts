import { decide, hostOs, type Situation } from './prerequisites';

const redis = { name: 'redis-server', apt: 'redis-server', brew: 'redis', dnf: 'redis' };
const chromium = { name: 'chromium', apt: 'chromium', brew: '--cask chromium', dnf: 'chromium' };
const pdftoppm = { name: 'pdftoppm', apt: 'poppler-utils', brew: 'poppler', dnf: 'poppler-utils' };
const base: Situation = { os: 'debian', root: true, passwordlessSudo: false, tty: false, missing: [redis] };

describe('decide: what npm start / npm test do about what npm cannot install', () => {
  it('goes on when nothing is missing, wherever it runs', () => {
    for (const os of ['debian', 'macos', 'fedora', 'other'] as const) expect(decide({ ...base, os, missing: [] })).toEqual({ kind: 'proceed' });
  });

  it('installs with apt-get as root without a terminal (CI), every package in one command', () => {
    expect(decide({ ...base, missing: [redis, pdftoppm] })).toEqual({
      kind: 'install',
      command: 'apt-get update -qq && env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server poppler-utils',
    });
  });

  it('installs through sudo when it needs no password, and stops with the command when it would', () => {
    expect(decide({ ...base, root: false, passwordlessSudo: true })).toMatchObject({ kind: 'install', command: expect.stringMatching(/^sudo apt-get update/) });
    expect(decide({ ...base, root: false })).toEqual({ kind: 'stop', command: 'sudo apt-get install -y redis-server', names: ['redis-server'] });
  });

  it('asks first in a terminal, root or not', () => {
    expect(decide({ ...base, tty: true })).toMatchObject({ kind: 'ask', command: expect.stringContaining('apt-get install -y -qq redis-server') });
    expect(decide({ ...base, tty: true, root: false })).toMatchObject({ kind: 'ask', command: expect.stringMatching(/^sudo /) });
  });

  it('stops at once elsewhere, with the one command to run', () => {
    expect(decide({ ...base, os: 'macos', tty: true })).toEqual({ kind: 'stop', command: 'brew install redis', names: ['redis-server'] });
    expect(decide({ ...base, os: 'macos', missing: [redis, chromium, pdftoppm] })).toMatchObject({
      command: 'brew install redis poppler && brew install --cask chromium',
    });
    expect(decide({ ...base, os: 'fedora' })).toMatchObject({ kind: 'stop', command: 'sudo dnf install -y redis' });
    expect(decide({ ...base, os: 'other', tty: true })).toEqual({ kind: 'stop', command: null, names: ['redis-server'] });
  });
});

describe('hostOs', () => {
  it('reads /etc/os-release: Debian and its derivatives, Fedora-likes, the rest', () => {
    expect(hostOs('linux', 'ID=debian\nVERSION_ID="12"')).toBe('debian');
    expect(hostOs('linux', 'ID=linuxmint\nID_LIKE="ubuntu debian"')).toBe('debian');
    expect(hostOs('linux', 'ID="rocky"\nID_LIKE="rhel centos fedora"')).toBe('fedora');
    expect(hostOs('linux', 'ID=arch')).toBe('other');
    expect(hostOs('darwin', '')).toBe('macos');
    expect(hostOs('win32', '')).toBe('other');
  });
});
