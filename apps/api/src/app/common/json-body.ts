/**
 * The pure checks of a JSON request body, before any DTO sees it. Each one is linear in the body's size
 * and uses no recursion, so a hostile body (megabytes of brackets, broken UTF-16) costs one pass and
 * can neither blow the stack nor reach PostgreSQL, which refuses NUL and lone surrogates with an error.
 */

/** Objects and arrays nested deeper than this are refused: no DTO of the API goes beyond a handful. */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether the JSON text opens more than `max` objects/arrays inside one another. Scans the text rather
 * than the parsed value so the check runs before JSON.parse and any recursive walk (class-transformer,
 * class-validator) could meet the depth; brackets inside strings do not count.
 */
export function jsonNestingExceeds(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}

/** Well-formed UTF-16 (no lone surrogate) and no NUL: what PostgreSQL text and jsonb can store. */
export function isStorableText(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed() && !text.includes('\u0000');
}

/** A key shown back to the client in `fields`: made well-formed so the answer itself is valid text. */
function printable(key: string): string {
  return (key as string & { toWellFormed(): string }).toWellFormed().replaceAll('\u0000', '\ufffd');
}

/**
 * The paths (`founders.1.email`, the same dotted form as validation errors) of every string value or
 * key that is not storable text, at most `limit` of them. Iterative: a deep value cannot blow the stack.
 */
export function unstorableTextPaths(value: unknown, limit = 20): string[] {
  const found: string[] = [];
  // [value, its path, whether its own key is unstorable]: checked when popped, so paths come in document order.
  const stack: Array<[unknown, string, boolean]> = [[value, '', false]];
  while (stack.length > 0 && found.length < limit) {
    const [current, path, badKey] = stack.pop() as [unknown, string, boolean];
    if (badKey || (typeof current === 'string' && !isStorableText(current))) found.push(path);
    else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], path ? `${path}.${i}` : String(i), false]);
    } else if (typeof current === 'object' && current !== null) {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        stack.push([child, path ? `${path}.${printable(key)}` : printable(key), !isStorableText(key)]);
      }
    }
  }
  return found.slice(0, limit);
}

export type JsonBodyProblem = 'not-utf8' | 'too-deep' | 'malformed';

/** Decodes and parses a raw JSON body, or says why it cannot be read. An empty body reads as `{}`, as body-parser does. */
export function parseJsonBody(raw: Buffer, maxDepth = MAX_JSON_DEPTH): { value: unknown } | { problem: JsonBodyProblem } {
  let text: string;
  try {
    // fatal: bytes that are not UTF-8 are refused rather than silently turned into U+FFFD.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(raw);
  } catch {
    return { problem: 'not-utf8' };
  }
  if (text.trim() === '') return { value: {} };
  if (jsonNestingExceeds(text, maxDepth)) return { problem: 'too-deep' };
  try {
    const value: unknown = JSON.parse(text);
    // Only objects and arrays, as body-parser's strict mode: a bare string or number is no request of this API.
    if (typeof value !== 'object' || value === null) return { problem: 'malformed' };
    return { value };
  } catch {
    return { problem: 'malformed' };
  }
}
