import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The layering rules of the API libs that ESLint does not express: SQL only in repositories (and seeds),
 * typed rows instead of casts, domain errors instead of Nest exceptions, imports through a lib's index.
 * Pure functions over (path, text), so the spec can plant an example of each and see it caught.
 */

export const WORKSPACE = resolve(__dirname, '../..');

export interface Violation {
  rule: string;
  /** `path:line`, the path relative to the workspace. */
  at: string;
  text: string;
}

interface Rule {
  name: string;
  pattern: RegExp;
  /** Whether the rule applies to this workspace-relative path. */
  appliesTo: (path: string) => boolean;
}

const inDomainCode = (path: string) => /^libs\/api\/[\w-]+\/src\/lib\//.test(path) && !isTestOrMigration(path);

/**
 * Nest exceptions a lib still throws on purpose, as `path: ExceptionName`. Every service error is a
 * catalogue code (`@incubator/api/errors`, 4xx only); add an entry only with the reason beside it.
 */
export const EXCEPTION_ALLOW_LIST: ReadonlySet<string> = new Set<string>([
  // The login throttle's store (Redis) is down: a 503, which no domain error answers (the request was fine).
  'libs/api/identity/src/lib/login-throttle.ts: ServiceUnavailableException',
]);

export const RULES: readonly Rule[] = [
  {
    name: 'SQL outside a repository (move the statement to a *.repository.ts of its domain)',
    pattern: /\.query\s*[(<]|\bpreparedQuery\s*[(<]/,
    appliesTo: (path) =>
      inDomainCode(path) && !/\.(repository|seed)\.ts$/.test(path) && !path.startsWith('libs/api/database/') && !path.startsWith('libs/api/sql/'),
  },
  {
    name: 'row cast (declare a typed row interface instead)',
    pattern: /\[\s*(['"])[^'"\]]+\1\s*\]\s+as\s+(?!const\b)[\w{[(]/,
    appliesTo: inDomainCode,
  },
  {
    name: 'untyped row parameter (declare a typed row interface instead)',
    pattern: /\brow\??\s*:\s*Record<\s*string\s*,\s*unknown\s*>/,
    appliesTo: inDomainCode,
  },
  {
    name: 'Nest exception in a lib (throw a domain error from <domain>.errors.ts)',
    pattern: /\bnew\s+(\w+Exception)\s*\(/,
    appliesTo: inDomainCode,
  },
  {
    name: 'deep import (import the lib through its index, @incubator/api/<lib>)',
    pattern: /(['"])@incubator\/api\/[\w-]+\/src(\/|\1)/,
    appliesTo: (path) => /^(libs|apps|tools)\//.test(path) && !path.startsWith('tools/architecture/'),
  },
];

function isTestOrMigration(path: string): boolean {
  return /\.(spec|test)\.ts$/.test(path) || path.includes('/migrations/');
}

/** The violations of every rule in one file's text. Comment lines are skipped. */
export function checkFile(path: string, text: string): Violation[] {
  const violations: Violation[] = [];
  const lines = text.split('\n');
  for (const rule of RULES) {
    if (!rule.appliesTo(path)) continue;
    lines.forEach((line, index) => {
      if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
      const match = rule.pattern.exec(line);
      if (!match) return;
      if (rule.name.startsWith('Nest exception') && EXCEPTION_ALLOW_LIST.has(`${path}: ${match[1]}`)) return;
      violations.push({ rule: rule.name, at: `${path}:${index + 1}`, text: line.trim() });
    });
  }
  return violations;
}

/** Every `.ts` file under the given workspace-relative folders (node_modules and build output left out). */
export function sourceFiles(...folders: string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts')) files.push(relative(WORKSPACE, full));
    }
  };
  for (const folder of folders) if (existsSync(join(WORKSPACE, folder))) walk(join(WORKSPACE, folder));
  return files.sort();
}

export function checkTree(...folders: string[]): Violation[] {
  return sourceFiles(...folders).flatMap((path) => checkFile(path, readFileSync(join(WORKSPACE, path), 'utf8')));
}

/**
 * The runtime imports of a file (`import type` and `export type` are erased, so they cannot form a
 * cycle), resolved to workspace-relative paths: relative specifiers, and `@incubator/api/<lib>` to the
 * lib's `src/index.ts`. Other packages are left out.
 */
export function runtimeImports(path: string, text: string, exists: (path: string) => boolean): string[] {
  const specifiers: string[] = [];
  const statement = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?(['"])([^'"]+)\2/gm;
  for (const match of text.matchAll(statement)) {
    if (match[1]) continue;
    // `import { type A, type B } from` is erased too.
    const clause = /\{([^}]*)\}/.exec(match[0])?.[1];
    if (clause && /^\s*(import|export)\s*\{/.test(match[0]) && clause.split(',').every((name) => /^\s*(type\s+\w|$)/.test(name))) continue;
    specifiers.push(match[3]);
  }
  const resolved: string[] = [];
  for (const specifier of specifiers) {
    let base: string | null = null;
    if (specifier.startsWith('.')) base = join(dirname(path), specifier);
    else {
      const lib = /^@incubator\/api\/([\w-]+)$/.exec(specifier)?.[1];
      if (lib) base = `libs/api/${lib}/src/index`;
    }
    if (base === null) continue;
    const file = [`${base}.ts`, `${base}/index.ts`].find(exists);
    if (file) resolved.push(file);
  }
  return resolved;
}

/** The import cycles among the given files (each a strongly connected component of more than one file, or a file importing itself). */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's algorithm, iteratively (the graph has a few hundred files).
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const target = edges[frame.next++];
        if (!graph.has(target)) continue;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(target) as number));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent) as number, low.get(frame.node) as number));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1 || edges.includes(frame.node)) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}

/** The runtime import graph of the non-test files under the given folders. */
export function importGraph(...folders: string[]): Map<string, string[]> {
  const files = sourceFiles(...folders).filter((path) => !isTestOrMigration(path));
  const known = new Set(files);
  const exists = (path: string) => known.has(path) || existsSync(join(WORKSPACE, path));
  return new Map(files.map((path) => [path, runtimeImports(path, readFileSync(join(WORKSPACE, path), 'utf8'), exists)]));
}

/** The problems of catalogue entries: code shape, FR/EN texts present, different, with the same placeholders; a 4xx status. */
export interface CheckedEntry {
  status: number;
  message: { fr: string; en: string };
  fields?: Record<string, { fr: string; en: string }>;
}

export function catalogueProblems(
  catalogue: ReadonlyMap<string, CheckedEntry>,
  placeholders: (text: string) => string[],
): string[] {
  const problems: string[] = [];
  const bilingual = (code: string, what: string, text: { fr: string; en: string }) => {
    if (!text.fr?.trim() || !text.en?.trim()) problems.push(`${code}: ${what} needs both a French and an English text`);
    else if (text.fr.trim() === text.en.trim()) problems.push(`${code}: ${what} is the same in French and English ("${text.en}")`);
    const fr = placeholders(text.fr ?? '').join(', ');
    const en = placeholders(text.en ?? '').join(', ');
    if (fr !== en) problems.push(`${code}: ${what} names {${fr}} in French but {${en}} in English`);
  };
  for (const [code, entry] of catalogue) {
    if (!/^[a-z][a-z0-9]*(_[a-z0-9]+)*\.[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(code)) problems.push(`${code}: a code is domain.snake_case`);
    if (!(entry.status >= 400 && entry.status < 500)) problems.push(`${code}: status ${entry.status} is not a 4xx`);
    bilingual(code, 'the message', entry.message);
    for (const [field, text] of Object.entries(entry.fields ?? {})) bilingual(code, `field ${field}`, text);
  }
  return problems;
}
