import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresAccount, reachableBinaries, reachableDataDir } from './postgres-access';

/**
 * `npm start` / `npm test` run as root from a checkout the `postgres` user cannot enter (a clone under a
 * mode-700 home or temp folder): PostgreSQL, which runs as that user, must still get binaries it can run
 * and a data directory it can write. (The real servers in such a checkout: tools/stack/local-stack.)
 */
describe('PostgreSQL files the postgres user can reach', () => {
  const runAs = postgresAccount();
  let closed: string;
  beforeEach(() => {
    closed = mkdtempSync(join(tmpdir(), 'incubator-closed-')); // mode 700, like the CI's clone
  });
  afterEach(() => rmSync(closed, { recursive: true, force: true }));

  /** What the postgres user (or, not as root, this user) can do: the kernel answers, not a mode check. */
  const asServerUser = (command: string, ...args: string[]) =>
    spawnSync(command, args, { ...runAs, cwd: '/', encoding: 'utf8' });

  it('runs the binaries from a copy when the checkout is closed to the postgres user', () => {
    const native = join(closed, 'node_modules', 'pg-binaries', 'native');
    mkdirSync(join(native, 'bin'), { recursive: true });
    const version = `test-${process.pid}-${Date.now()}`;
    writeFileSync(join(native, '..', 'package.json'), JSON.stringify({ version }));
    writeFileSync(join(native, 'bin', 'postgres'), '#!/bin/sh\necho "postgres (PostgreSQL) 18"\n');
    chmodSync(join(native, 'bin', 'postgres'), 0o755);
    if (runAs) expect(asServerUser(join(native, 'bin', 'postgres')).status).not.toBe(0); // the situation of the CI

    const usable = reachableBinaries(native, runAs, () => undefined);
    try {
      expect(asServerUser(join(usable, 'bin', 'postgres')).stdout).toContain('(PostgreSQL) 18');
      // The same copy serves the next run.
      expect(reachableBinaries(native, runAs, () => undefined)).toBe(usable);
    } finally {
      if (usable !== native) rmSync(usable, { recursive: true, force: true });
    }
  });

  it('keeps the data where the postgres user can write it, the same place on every run', () => {
    const requested = join(closed, '.data', 'postgres', 'pgdata');
    const first = reachableDataDir(requested, runAs, () => undefined);
    try {
      expect(first.relocated).toBe(runAs !== undefined);
      expect(asServerUser('sh', '-c', 'touch "$0/probe" && echo written', first.path).stdout).toContain('written');
      expect(reachableDataDir(requested, runAs, () => undefined).path).toBe(first.path);
      expect(asServerUser('test', '-e', join(first.path, 'probe')).status).toBe(0); // kept across runs
      if (first.relocated) {
        // Deleting the checkout's data folder resets the cluster, as it does when nothing is relocated.
        rmSync(join(closed, '.data'), { recursive: true, force: true });
        const again = reachableDataDir(requested, runAs, () => undefined);
        expect(again.path).toBe(first.path);
        expect(asServerUser('test', '-e', join(again.path, 'probe')).status).not.toBe(0);
      }
    } finally {
      if (first.relocated) rmSync(first.path, { recursive: true, force: true });
    }
  });

  it('keeps the data in place when the postgres user can reach it', () => {
    chmodSync(closed, 0o755);
    const requested = join(closed, 'pgdata');
    expect(reachableDataDir(requested, runAs, () => undefined)).toEqual({ path: requested, relocated: false });
  });
});
