import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrerequisites, MissingPrerequisitesError, PDFTOPPM, REDIS, SCALE_PREREQUISITES, TEST_PREREQUISITES } from '../setup/prerequisites';
import { WORKSPACE_ROOT } from '../stack/local-stack';

/**
 * `npm test`: lint, type-check, unit, integration, end-to-end and fault tests, in that order, each step run
 * even when an earlier one failed, then one summary line: `<passed> passed, <failed> failed`.
 * Exits non-zero when anything failed. `--only=unit,integration` runs a subset.
 */
interface StepResult {
  name: string;
  passed: number;
  failed: number;
  seconds: number;
  note?: string;
}

const RESULTS_DIR = join(WORKSPACE_ROOT, '.test-results');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const env = { ...process.env, TZ: 'UTC', NX_DAEMON: 'false', FORCE_COLOR: process.env['FORCE_COLOR'] ?? '1' };

function run(command: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): number {
  const result = spawnSync(command, args, { cwd: WORKSPACE_ROOT, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  return result.status ?? 1;
}

function timed(name: string, body: () => Omit<StepResult, 'name' | 'seconds'>): StepResult {
  console.log(`\n━━ ${name} ━━`);
  const startedAt = Date.now();
  const result = body();
  return { name, ...result, seconds: (Date.now() - startedAt) / 1000 };
}

/** A step that is one check: the command passes or fails as a whole. */
function check(name: string, command: string, args: string[], note: string): StepResult {
  return timed(name, () => {
    const ok = run(command, args) === 0;
    return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, note };
  });
}

/** Jest's --json report: count tests; a suite that failed to run counts as one failure. */
function jestStep(name: string, config: string): StepResult {
  return timed(name, () => {
    const report = join(RESULTS_DIR, `${name}.json`);
    // --forceExit: a suite whose set-up failed may leave a Redis or PostgreSQL client retrying after the
    // tier's servers are gone, and Jest would then wait for it forever instead of reporting the failure.
    const code = run('npx', ['jest', '-c', config, '--ci', '--forceExit', '--json', `--outputFile=${report}`]);
    if (!existsSync(report)) return { passed: 0, failed: 1, note: `jest exited with ${code} and no report` };
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const brokenSuites = json.numRuntimeErrorTestSuites ?? 0;
    const failed = json.numFailedTests + brokenSuites + (code !== 0 && json.numFailedTests + brokenSuites === 0 ? 1 : 0);
    return { passed: json.numPassedTests, failed };
  });
}

/** Playwright's JSON report: count tests by their final outcome. */
function e2eStep(): StepResult {
  return timed('e2e', () => {
    const report = join(RESULTS_DIR, 'e2e.json');
    const code = run('npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: report,
    });
    if (!existsSync(report)) return { passed: 0, failed: 1, note: `playwright exited with ${code} and no report` };
    const stats = JSON.parse(readFileSync(report, 'utf8')).stats;
    const failed = stats.unexpected + stats.flaky + (code !== 0 && stats.unexpected === 0 ? 1 : 0);
    return { passed: stats.expected, failed };
  });
}

/** Every TypeScript config of the workspace, checked with tsc (templates are checked by the web build). */
function typecheckStep(): StepResult {
  const configs = [
    'tsconfig.json',
    'tsconfig.integration.json',
    'e2e/tsconfig.json',
    ...['apps', 'libs'].flatMap((dir) =>
      readdirSync(join(WORKSPACE_ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter((file) => /(^|\/)tsconfig\.(app|lib|spec)\.json$/.test(file) && !file.includes('node_modules'))
        .map((file) => join(dir, file)),
    ),
  ].sort();
  return timed('typecheck', () => {
    // Two at a time (the machines have two cores); tsc prints the file of every error it finds.
    const code = run('sh', ['-c', 'printf "%s\\n" "$@" | xargs -P 2 -n 1 node node_modules/typescript/bin/tsc --noEmit -p', 'sh', ...configs]);
    return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, note: `${configs.length} configs` };
  });
}

const steps: Array<[string, () => StepResult]> = [
  ['lint', () => check('lint', 'npx', ['nx', 'run-many', '-t', 'lint', '--output-style=static'], 'every project')],
  ['typecheck', typecheckStep],
  ['unit', () => jestStep('unit', 'jest.config.ts')],
  ['integration', () => jestStep('integration', 'jest.integration.config.ts')],
  ['e2e', e2eStep],
  ['faults', () => jestStep('faults', 'jest.faults.config.ts')],
  // Two API processes and two workers behind PgBouncer and Redis Sentinel through failovers (tools/scale/run.ts).
  ['scale', () => check('scale', 'npx', ['tsx', 'tools/scale/run.ts'], 'scale-out tier')],
];

/** What the chosen steps need that npm cannot install: lint and typecheck none; unit poppler (the Factur-X PDFs are read back). */
function prerequisites() {
  const chosen = steps.map(([name]) => name).filter((name) => !only || only.includes(name));
  if (chosen.some((name) => name === 'integration' || name === 'e2e')) return [...TEST_PREREQUISITES, ...(chosen.includes('scale') ? SCALE_PREREQUISITES : [])];
  return [...(chosen.includes('faults') ? [REDIS] : []), ...(chosen.includes('unit') ? [PDFTOPPM] : []), ...(chosen.includes('scale') ? SCALE_PREREQUISITES : [])];
}

async function main(): Promise<void> {
  await ensurePrerequisites(prerequisites()).catch((error: unknown) => {
    if (!(error instanceof MissingPrerequisitesError)) throw error;
    console.error(error.message);
    process.exit(1);
  });
  rmSync(RESULTS_DIR, { recursive: true, force: true });
  mkdirSync(RESULTS_DIR, { recursive: true });
  const results = steps.filter(([name]) => !only || only.includes(name)).map(([, step]) => step());

  console.log('\n━━ summary ━━');
  for (const r of results) {
    const detail = r.note ? ` (${r.note})` : '';
    console.log(`${r.name.padEnd(12)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(0).padStart(4)} s${detail}`);
  }
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && results.length > 0 ? 0 : 1);
}

void main();
