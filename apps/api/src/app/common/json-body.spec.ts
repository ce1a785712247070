import { jsonNestingExceeds, MAX_JSON_DEPTH, parseJsonBody, unstorableTextPaths } from './json-body';

describe('JSON body checks', () => {
  const nested = (levels: number) => `${'{"a":['.repeat(levels / 2)}1${']}'.repeat(levels / 2)}`;

  it('measures nesting on the text, brackets inside strings and escapes excluded', () => {
    expect(jsonNestingExceeds(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonNestingExceeds(nested(MAX_JSON_DEPTH + 2))).toBe(true);
    expect(jsonNestingExceeds(`{"a":"${'['.repeat(100)}"}`)).toBe(false);
    expect(jsonNestingExceeds(`{"a":"\\"${'{'.repeat(100)}"}`)).toBe(false);
    expect(jsonNestingExceeds('[[[]]]', 3)).toBe(false);
    expect(jsonNestingExceeds('[[[[]]]]', 3)).toBe(true);
  });

  it('refuses a million levels in one quick pass, without parsing', () => {
    const started = Date.now();
    expect(parseJsonBody(Buffer.from('['.repeat(1_000_000)))).toEqual({ problem: 'too-deep' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('parses objects and arrays only; empty is {}; bytes that are not UTF-8 are refused', () => {
    expect(parseJsonBody(Buffer.from('{"a":[1,"é"]}'))).toEqual({ value: { a: [1, 'é'] } });
    expect(parseJsonBody(Buffer.from(''))).toEqual({ value: {} });
    expect(parseJsonBody(Buffer.from('"text"'))).toEqual({ problem: 'malformed' });
    expect(parseJsonBody(Buffer.from('null'))).toEqual({ problem: 'malformed' });
    expect(parseJsonBody(Buffer.from('{"a":'))).toEqual({ problem: 'malformed' });
    expect(parseJsonBody(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]))).toEqual({ problem: 'not-utf8' });
  });

  it('names every value and key that is not well-formed Unicode or holds NUL, in the dotted form of validation errors', () => {
    const value = JSON.parse('{"name":"x\\ud800","ok":"fine 😀","list":[{"email":"a\\u0000b"},"good"],"\\udc00k":{"deep":"x\\ud800"},"n":1}');
    expect(unstorableTextPaths(value)).toEqual(['name', 'list.0.email', '\ufffdk']);
    expect(unstorableTextPaths({ a: 'fine', b: ['é', 2, null, true] })).toEqual([]);
    expect(unstorableTextPaths(['\u0000'])).toEqual(['0']);
  });

  it('walks a deep value without recursion', () => {
    let deep: unknown = 'x\ud800';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorableTextPaths(deep)).toHaveLength(1);
  });
});
