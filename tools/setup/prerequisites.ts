import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * What `npm start` and `npm test` need that npm cannot install: they check it first, then
 *  - everything there → go on;
 *  - Debian/Ubuntu, no terminal, root (or sudo without a password: CI) → install it with apt-get;
 *  - Debian/Ubuntu with a terminal → ask first, then install;
 *  - anything else → stop at once, naming the one command to run (e.g. `brew install redis`).
 * `.ci/run` relies on this (through npm test) instead of installing anything itself.
 */
export interface Prerequisite {
  /** What the person is told is missing. */
  name: string;
  /** Package names per package manager. */
  apt: string;
  brew: string;
  dnf: string;
  present(): boolean;
}

export type HostOs = 'debian' | 'macos' | 'fedora' | 'other';

export interface Situation {
  os: HostOs;
  root: boolean;
  /** `sudo -n true` works: packages can be installed without a password prompt. */
  passwordlessSudo: boolean;
  /** stdin and stdout are a terminal: a person can be asked. */
  tty: boolean;
  missing: ReadonlyArray<Pick<Prerequisite, 'name' | 'apt' | 'brew' | 'dnf'>>;
}

export type Action =
  | { kind: 'proceed' }
  | { kind: 'install'; command: string }
  | { kind: 'ask'; command: string }
  | { kind: 'stop'; command: string | null; names: string[] };

/** The decision, pure: where we run and what is missing → what to do. */
export function decide(situation: Situation): Action {
  const { missing } = situation;
  if (missing.length === 0) return { kind: 'proceed' };
  const names = missing.map((m) => m.name);
  switch (situation.os) {
    case 'debian': {
      const sudo = situation.root ? '' : 'sudo ';
      const packages = unique(missing.map((m) => m.apt)).join(' ');
      const command = `${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`;
      if (situation.tty) return { kind: 'ask', command };
      if (situation.root || situation.passwordlessSudo) return { kind: 'install', command };
      return { kind: 'stop', command: `sudo apt-get install -y ${packages}`, names };
    }
    case 'macos': {
      const formulae = unique(missing.map((m) => m.brew));
      const casks = formulae.filter((f) => f.startsWith('--cask ')).map((f) => f.slice('--cask '.length));
      const plain = formulae.filter((f) => !f.startsWith('--cask '));
      const commands = [plain.length ? `brew install ${plain.join(' ')}` : '', casks.length ? `brew install --cask ${casks.join(' ')}` : ''];
      return { kind: 'stop', command: commands.filter(Boolean).join(' && '), names };
    }
    case 'fedora':
      return { kind: 'stop', command: `sudo dnf install -y ${unique(missing.map((m) => m.dnf)).join(' ')}`, names };
    default:
      return { kind: 'stop', command: null, names };
  }
}

const unique = (values: string[]) => [...new Set(values)];

const onPath = (command: string, args = ['--version']) => !spawnSync(command, args, { stdio: 'ignore' }).error;
const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** redis-server, unless REDIS_URL names a Redis to use instead (the local stack then starts none). */
export const REDIS: Prerequisite = {
  name: 'redis-server',
  apt: 'redis-server',
  brew: 'redis',
  dnf: 'redis',
  present: () => !!process.env['REDIS_URL'] || onPath('redis-server'),
};
/** The end-to-end tier's browser (CHROMIUM_PATH, Debian's /usr/bin/chromium by default). */
export const CHROMIUM: Prerequisite = {
  name: 'chromium',
  apt: 'chromium',
  brew: '--cask chromium',
  dnf: 'chromium',
  present: () => executable(process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'),
};
/** The integration tier runs docker/nginx.conf in Debian's nginx (apps/api/src/deploy/nginx.integration.spec.ts). */
export const NGINX: Prerequisite = {
  name: 'nginx',
  apt: 'nginx',
  brew: 'nginx',
  dnf: 'nginx',
  present: () => executable('/usr/sbin/nginx') || onPath('nginx', ['-v']),
};
/** Renders board-pack PDFs to images in the tests. */
export const PDFTOPPM: Prerequisite = {
  name: 'pdftoppm',
  apt: 'poppler-utils',
  brew: 'poppler',
  dnf: 'poppler-utils',
  present: () => onPath('pdftoppm', ['-v']),
};

/** The scale-out tier (tools/scale): PgBouncer in transaction pooling and Redis Sentinel, from the distribution. */
export const PGBOUNCER: Prerequisite = {
  name: 'pgbouncer',
  apt: 'pgbouncer',
  brew: 'pgbouncer',
  dnf: 'pgbouncer',
  present: () => executable('/usr/sbin/pgbouncer') || onPath('pgbouncer'),
};
export const REDIS_SENTINEL: Prerequisite = {
  name: 'redis-sentinel',
  apt: 'redis-sentinel',
  brew: 'redis',
  dnf: 'redis',
  present: () => onPath('redis-sentinel'),
};
export const SCALE_PREREQUISITES = [PGBOUNCER, { ...REDIS, present: () => onPath('redis-server') }, REDIS_SENTINEL];

export const START_PREREQUISITES = [REDIS];
// PgBouncer: the integration tier runs the access check through it (tools/scale/transaction-pooling.integration.spec.ts).
export const TEST_PREREQUISITES = [REDIS, CHROMIUM, NGINX, PDFTOPPM, PGBOUNCER];

export function hostOs(platform = process.platform, osRelease = readOsRelease()): HostOs {
  if (platform === 'darwin') return 'macos';
  if (platform !== 'linux') return 'other';
  const ids = /^ID(?:_LIKE)?=(.*)$/gm;
  const words = [...osRelease.matchAll(ids)].flatMap((m) => m[1].replace(/"/g, '').split(/\s+/));
  if (words.some((w) => w === 'debian' || w === 'ubuntu')) return 'debian';
  if (words.some((w) => w === 'fedora' || w === 'rhel' || w === 'centos')) return 'fedora';
  return 'other';
}

function readOsRelease(): string {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}

/** Checks, then installs / asks / stops as `decide` says. Resolves when everything is there; throws otherwise. */
export async function ensurePrerequisites(needed: readonly Prerequisite[], log: (line: string) => void = console.log): Promise<void> {
  const missing = needed.filter((p) => !p.present());
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const situation: Situation = {
    os: hostOs(),
    root,
    passwordlessSudo: !root && missing.length > 0 && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
    tty: !!process.stdin.isTTY && !!process.stdout.isTTY,
    missing,
  };
  const action = decide(situation);
  if (action.kind === 'proceed') return;
  const names = missing.map((m) => m.name).join(', ');
  if (action.kind === 'stop') {
    throw new MissingPrerequisitesError(
      action.command
        ? `Missing: ${names}. Install it with:\n  ${action.command}\nthen run the same command again.`
        : `Missing: ${names}. Install it with your system's package manager, then run the same command again.`,
    );
  }
  if (action.kind === 'ask' && !(await confirm(`Missing: ${names}. Install it now with\n  ${action.command}\n? [Y/n] `))) {
    throw new MissingPrerequisitesError(`Missing: ${names}. Install it with:\n  ${action.command}`);
  }
  log(`Installing ${names} from the distribution's packages…`);
  const result = spawnSync('sh', ['-c', `${action.command} >/dev/null`], { stdio: 'inherit' });
  const still = needed.filter((p) => !p.present()).map((p) => p.name);
  if (result.status !== 0 || still.length) {
    throw new MissingPrerequisitesError(`Installing ${names} failed (still missing: ${still.join(', ') || 'none'}); the command was:\n  ${action.command}`);
  }
}

export class MissingPrerequisitesError extends Error {}

function confirm(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  return new Promise((resolve) =>
    prompt.question(question, (answer) => {
      prompt.close();
      resolve(/^(y|yes|o|oui)?$/i.test(answer.trim()));
    }),
  );
}
