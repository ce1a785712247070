import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addCompileHints, COMPILE_HINT } from './precompress';

describe('addCompileHints', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'compile-hints-'));
    writeFileSync(
      join(dir, 'index.html'),
      '<html><head><link rel="modulepreload" href="chunk-A.js"><script src="boot.js" defer></script></head>' +
        '<body><script src="main-X.js" type="module"></script></body></html>',
    );
    for (const file of ['main-X.js', 'chunk-A.js', 'boot.js', 'chunk-lazy.js']) writeFileSync(join(dir, file), `console.log("${file}");\n`);
    writeFileSync(join(dir, 'main-X.js.map'), JSON.stringify({ version: 3, sources: ['main.ts'], mappings: 'AAAA' }));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('puts the hint at the top of every script, and of nothing else', () => {
    expect(addCompileHints(dir).sort()).toEqual(['boot.js', 'chunk-A.js', 'chunk-lazy.js', 'main-X.js']);
    expect(readFileSync(join(dir, 'main-X.js'), 'utf8')).toBe(`${COMPILE_HINT}console.log("main-X.js");\n`);
    expect(readFileSync(join(dir, 'chunk-lazy.js'), 'utf8')).toBe(`${COMPILE_HINT}console.log("chunk-lazy.js");\n`);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).not.toContain(COMPILE_HINT);
  });

  it('leaves a script with a Subresource Integrity hash as the build wrote it', () => {
    writeFileSync(join(dir, 'index.html'), '<script src="main-X.js" type="module" integrity="sha384-abc" crossorigin></script>');
    expect(addCompileHints(dir)).not.toContain('main-X.js');
    expect(readFileSync(join(dir, 'main-X.js'), 'utf8')).toBe('console.log("main-X.js");\n');
  });

  it('shifts the source map by the added line', () => {
    addCompileHints(dir);
    expect(JSON.parse(readFileSync(join(dir, 'main-X.js.map'), 'utf8')).mappings).toBe(';AAAA');
  });

  it('changes nothing the second time', () => {
    addCompileHints(dir);
    expect(addCompileHints(dir)).toEqual([]);
    expect(readFileSync(join(dir, 'main-X.js'), 'utf8')).toBe(`${COMPILE_HINT}console.log("main-X.js");\n`);
    expect(JSON.parse(readFileSync(join(dir, 'main-X.js.map'), 'utf8')).mappings).toBe(';AAAA');
  });
});
