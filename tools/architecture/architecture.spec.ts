import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorCatalogue, placeholders } from '@incubator/api/errors';
import { catalogueProblems, type CheckedEntry, checkFile, checkTree, importCycles, importGraph, runtimeImports, sourceFiles, WORKSPACE } from './rules';

const SERVICE = 'libs/api/demo/src/lib/demo.service.ts';
const DOMAIN_LIBS = ['audit', 'identity', 'organisations', 'startups', 'programs', 'space', 'funding', 'kpis', 'reports', 'system', 'mail', 'applications'];
const UTIL_LIBS = ['sql', 'config', 'queues', 'errors', 'database'];

const listed = (violations: Array<{ at: string; rule: string; text: string }>) => violations.map((v) => `${v.at} ${v.rule}: ${v.text}`);

describe('the API libs', () => {
  it('keep SQL in repositories, rows typed, errors in the catalogue and imports through each lib’s index', () => {
    expect(listed(checkTree('libs/api', 'apps/api/src', 'apps/worker/src', 'tools'))).toEqual([]);
  });

  it('have no import cycle between their files', () => {
    expect(importCycles(importGraph('libs/api'))).toEqual([]);
  });

  it('keep the util libs below the domains', () => {
    const domains = new RegExp(`['"]@incubator/api/(${DOMAIN_LIBS.join('|')})['"/]`);
    const offenders = UTIL_LIBS.flatMap((lib) => sourceFiles(`libs/api/${lib}/src`)).flatMap((path) => checkImports(path, domains));
    expect(offenders).toEqual([]);
  });
});

function checkImports(path: string, pattern: RegExp): string[] {
  return readFileSync(join(WORKSPACE, path), 'utf8')
    .split('\n')
    .flatMap((line, index) => (pattern.test(line) ? [`${path}:${index + 1} ${line.trim()}`] : []));
}

describe('the error catalogue', () => {
  it('gives every code of every domain a French and an English text with the same placeholders, and a 4xx status', async () => {
    for (const lib of DOMAIN_LIBS) await import(`@incubator/api/${lib}`);
    expect(errorCatalogue().size).toBeGreaterThan(0);
    expect(catalogueProblems(errorCatalogue(), placeholders)).toEqual([]);
  });
});

describe('the architecture rules catch a planted example', () => {
  const violationsOf = (path: string, text: string) => checkFile(path, text).map((v) => `${v.at} ${v.rule.split(' (')[0]}`);

  it('SQL in a service, not in a repository, a seed, the database or the sql lib, nor in a comment', () => {
    const text = ['const a = 1;', 'const rows = await this.dataSource.query(`SELECT 1`);', 'await manager.query<Row[]>(sql);', 'const [row] = await preparedQuery<Row>(this.dataSource, sql, []);', '// this.dataSource.query(…) explained'].join('\n');
    expect(violationsOf(SERVICE, text)).toEqual([
      `${SERVICE}:2 SQL outside a repository`,
      `${SERVICE}:3 SQL outside a repository`,
      `${SERVICE}:4 SQL outside a repository`,
    ]);
    for (const allowed of ['libs/api/demo/src/lib/demo.repository.ts', 'libs/api/demo/src/lib/demo.seed.ts', 'libs/api/database/src/lib/data-source-options.ts', 'libs/api/sql/src/lib/prepared-query.ts', 'libs/api/demo/src/lib/demo.service.spec.ts', 'libs/api/database/src/lib/migrations/1-x.ts']) {
      expect(violationsOf(allowed, text)).toEqual([]);
    }
  });

  it('a row cast, with either quote, and an untyped row parameter', () => {
    const text = ["const id = row['id'] as string;", 'const n = Number(r["count"] as number);', "const kinds = ['a', 'b'] as const;", 'function toResponse(row: Record<string, unknown>): Demo {', "const x = row['id'];"].join('\n');
    expect(violationsOf(SERVICE, text)).toEqual([
      `${SERVICE}:1 row cast`,
      `${SERVICE}:2 row cast`,
      `${SERVICE}:4 untyped row parameter`,
    ]);
    expect(violationsOf('libs/api/demo/src/lib/demo.repository.ts', text)).toHaveLength(3);
  });

  it('a Nest exception thrown in a lib', () => {
    const text = ["throw new NotFoundException('No such startup');", 'throw StartupErrors.not_found();', 'throw new ConflictException({ message: m });'].join('\n');
    expect(violationsOf(SERVICE, text)).toEqual([`${SERVICE}:1 Nest exception in a lib`, `${SERVICE}:3 Nest exception in a lib`]);
  });

  it('a deep import into another lib, in a lib, an app or a tool', () => {
    const text = ["import { Startup } from '@incubator/api/startups/src/lib/startup.service';", "import { StartupService } from '@incubator/api/startups';", "import x from \"@incubator/api/space/src\";"].join('\n');
    expect(violationsOf(SERVICE, text)).toEqual([`${SERVICE}:1 deep import`, `${SERVICE}:3 deep import`]);
    expect(violationsOf('apps/api/src/app/demo/demo.controller.ts', text)).toHaveLength(2);
    expect(violationsOf('tools/bench/run.ts', text)).toHaveLength(2);
  });

  it('an import cycle, counting re-exports and leaving out type-only imports', () => {
    const files = new Set(['libs/api/a/src/index.ts', 'libs/api/a/src/lib/a.ts', 'libs/api/b/src/index.ts', 'libs/api/b/src/lib/b.ts', 'libs/api/b/src/lib/c.ts']);
    const exists = (path: string) => files.has(path);
    const texts: Record<string, string> = {
      'libs/api/a/src/index.ts': "export * from './lib/a';",
      'libs/api/a/src/lib/a.ts': "import { b } from '@incubator/api/b';\nimport type { C } from '@incubator/api/b';\nimport { readFileSync } from 'node:fs';",
      'libs/api/b/src/index.ts': "export * from './lib/b';\nexport {\n  c,\n} from './lib/c';",
      'libs/api/b/src/lib/b.ts': "import { type A } from '@incubator/api/a';\nexport const b = 1;",
      'libs/api/b/src/lib/c.ts': "import {\n  a,\n} from '@incubator/api/a';\nexport const c = a;",
    };
    const graph = new Map([...files].map((path) => [path, runtimeImports(path, texts[path], exists)]));
    expect(graph.get('libs/api/a/src/lib/a.ts')).toEqual(['libs/api/b/src/index.ts']);
    expect(graph.get('libs/api/b/src/lib/b.ts')).toEqual([]);
    expect(importCycles(graph)).toEqual([['libs/api/a/src/index.ts', 'libs/api/a/src/lib/a.ts', 'libs/api/b/src/index.ts', 'libs/api/b/src/lib/c.ts']]);
    graph.set('libs/api/b/src/lib/c.ts', []);
    expect(importCycles(graph)).toEqual([]);
  });

  it('a catalogue entry with a bad code, a missing or untranslated text, different placeholders or a 5xx', () => {
    const good = { status: 409, message: { fr: 'Déjà pris par {name}.', en: 'Already taken by {name}.' }, fields: { siren: { fr: 'déjà pris', en: 'already taken' } } };
    const catalogue = new Map<string, CheckedEntry>([
      ['startup.siren_taken', good],
      ['Startup.SirenTaken', good],
      ['startup.empty', { status: 404, message: { fr: '', en: 'No such startup.' } }],
      ['startup.same', { status: 404, message: { fr: 'Not found.', en: 'Not found.' } }],
      ['startup.names', { status: 409, message: { fr: 'Pris par {legalName}.', en: 'Taken by {name}.' } }],
      ['startup.field', { status: 409, message: good.message, fields: { siren: { fr: 'pris par {legalName}', en: 'taken' } } }],
      ['startup.crash', { status: 500, message: good.message }],
    ]);
    expect(catalogueProblems(catalogue, placeholders)).toEqual([
      'Startup.SirenTaken: a code is domain.snake_case',
      'startup.empty: the message needs both a French and an English text',
      'startup.same: the message is the same in French and English ("Not found.")',
      'startup.names: the message names {legalName} in French but {name} in English',
      'startup.field: field siren names {legalName} in French but {} in English',
      'startup.crash: status 500 is not a 4xx',
    ]);
  });
});
