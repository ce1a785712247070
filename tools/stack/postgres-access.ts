import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The unprivileged account PostgreSQL runs as when the launcher runs as root. */
export interface RunAs {
  uid: number;
  gid: number;
}

/**
 * Where root keeps what the `postgres` user must reach when the checkout is closed to it: a copy of the
 * binaries and relocated data directories. /var/tmp survives reboots (persistent `.data` clusters) and
 * is open to every user; the folder itself is root's and checked as such before anything is put in it.
 */
export const SHARED_ROOT = '/var/tmp/incubator-postgres';

/** undefined when not root (PostgreSQL then runs as the current user); else `postgres`, created when missing. */
export function postgresAccount(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    execFileSync('groupadd', ['-f', 'postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
  }
  return { uid: Number(id('-u').stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

/**
 * Asks the kernel, as that user, rather than reasoning about modes, ACLs and ancestors: `test -x` fails
 * when any directory on the way cannot be entered.
 */
export function canReach(path: string, runAs: RunAs | undefined, test: '-x' | '-w' = '-x'): boolean {
  if (!runAs) return true;
  return spawnSync('test', [test, path], { ...runAs, cwd: '/', stdio: 'ignore' }).status === 0;
}

/** The binaries' directory if the server's user can run them from there; else a copy it can (made once). */
export function reachableBinaries(native: string, runAs: RunAs | undefined, log: (line: string) => void): string {
  if (canReach(join(native, 'bin', 'postgres'), runAs)) return native;
  const { version } = JSON.parse(readFileSync(join(native, '..', 'package.json'), 'utf8')) as { version: string };
  const copy = join(sharedRoot(), `bin-${version}`);
  if (!existsSync(join(copy, 'bin', 'postgres'))) {
    log(`the postgres user cannot enter ${native}: copying the binaries to ${copy}`);
    // Copied aside, then renamed: a concurrent launcher never sees a half-copied directory.
    const partial = `${copy}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
    openToEveryone(partial);
    try {
      renameSync(partial, copy);
    } catch {
      rmSync(partial, { recursive: true, force: true }); // another launcher got there first
    }
  }
  if (!canReach(join(copy, 'bin', 'postgres'), runAs)) throw new Error(cannotReach(copy));
  return copy;
}

/**
 * The data directory asked for, owned by the server's user, or, when that user cannot enter its parent
 * (the checkout is closed to it), one under SHARED_ROOT named after the path asked for, so the same
 * checkout finds its cluster again on the next run.
 */
export function reachableDataDir(requested: string, runAs: RunAs | undefined, log: (line: string) => void): { path: string; relocated: boolean } {
  mkdirSync(dirname(requested), { recursive: true });
  let path = requested;
  const relocated = !canReach(dirname(requested), runAs);
  if (relocated) {
    path = join(sharedRoot(), `data-${createHash('sha256').update(resolve(requested)).digest('hex').slice(0, 16)}`);
    log(`the postgres user cannot enter ${dirname(requested)}: the cluster's data is kept in ${path}`);
    // A note beside the directory asked for: deleting that folder (`rm -rf .data`) still resets the cluster.
    const note = `${requested}.location`;
    if (!existsSync(note)) rmSync(path, { recursive: true, force: true });
    writeFileSync(note, `${path}\n`);
  }
  mkdirSync(path, { recursive: true, mode: 0o700 });
  if (runAs) chownSync(path, runAs.uid, runAs.gid);
  if (!canReach(path, runAs, '-w')) throw new Error(cannotReach(path));
  return { path, relocated };
}

function sharedRoot(): string {
  mkdirSync(SHARED_ROOT, { recursive: true, mode: 0o755 });
  const stat = lstatSync(SHARED_ROOT);
  // Root puts binaries there that it then runs as another user: refuse a folder someone else could swap.
  if (!stat.isDirectory() || stat.uid !== 0 || (stat.mode & 0o022) !== 0) {
    throw new Error(`${SHARED_ROOT} must be a directory owned by root and writable by root only: remove it and run again.`);
  }
  chmodSync(SHARED_ROOT, 0o755); // mkdir applied the umask
  return SHARED_ROOT;
}

/** Directories enterable and files readable by all (a umask of 077 would otherwise close the copy again). */
function openToEveryone(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) openToEveryone(path);
    else if (entry.isFile()) chmodSync(path, lstatSync(path).mode | 0o444);
  }
}

const cannotReach = (path: string) =>
  `The postgres user (PostgreSQL refuses to run as root) cannot use ${path}. ` +
  'Run as a non-root user, or from a directory every user can enter, or set DATABASE_URL to a running PostgreSQL.';
