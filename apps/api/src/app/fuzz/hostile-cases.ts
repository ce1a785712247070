import { isIdField, type Operation, type Schema } from './openapi';
import { kindOf, type Tenant } from './tenant-ids';

/**
 * The deterministic hostile inputs: for one operation, every class of input the API must answer with a 4xx
 * (or handle) — transport junk, one field at a time made hostile, reversed ranges, junk path and query values,
 * and ids of another organisation. Each case says what it sends, in words, so a failure names it.
 */
export interface Case {
  /** e.g. "POST /api/leases". */
  operation: string;
  /** e.g. "date out of range: body.startsOn = 0000-01-01". */
  input: string;
  /** The input class, for the summary table. */
  kind: string;
  method: string;
  /** Path and query, already encoded (raw percent sequences included on purpose). */
  url: string;
  body?: string | Buffer;
  contentType?: string;
  /** The status this input must get: a code, or any 4xx. Unset: anything but a 5xx. */
  expect?: number | '4xx';
  /** Set when the case carries another organisation's id. */
  foreign?: { id: string; where: 'path' | 'query' | 'body' };
}

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const BASE_DATES: Record<string, string> = {
  startsOn: '2026-03-01', endsOn: '2026-09-01', effectiveOn: '2026-04-01', dueOn: '2026-12-01', foundedOn: '2020-01-15',
  announcedOn: '2025-05-01', closedOn: '2025-06-01', on: '2026-03-01', from: '2025-01-01', to: '2025-12-31', closedFrom: '2025-01-01', closedTo: '2025-12-31',
};
const PATH_DEFAULTS: Record<string, string> = { token: 'A'.repeat(43), quarter: '2025-Q1', kind: 'occupancy', name: 'reports', jobId: 'no-such-job' };

export function idOf(tenant: Tenant, name: string, path: string): string {
  const kind = kindOf(name, path);
  return (kind && tenant.ids[kind]?.[0]) || NO_SUCH_ID;
}

/** A value the schema accepts (as far as a schema can tell), built from the tenant's real rows. */
function baseValue(name: string, schema: Schema, tenant: Tenant, path: string): unknown {
  if (schema.type === 'array') return [isIdField(name.replace(/s$/, ''), schema.items) ? idOf(tenant, name, path) : baseValue(name, schema.items ?? {}, tenant, path)];
  if (isIdField(name, schema)) return idOf(tenant, name, path);
  if (schema.enum) return schema.enum[0];
  if (name === 'country') return 'FR';
  if (schema.format === 'date') return BASE_DATES[name] ?? '2026-03-01';
  if (schema.example !== undefined) return schema.example;
  if (schema.type === 'number' || schema.type === 'integer') return schema.minimum ?? 1;
  if (schema.type === 'boolean') return false;
  if (schema.format === 'email') return 'fuzz@probe.test';
  if (schema.format === 'uri') return 'https://example.test';
  if (schema.type === 'object') return {};
  return 'Fuzz';
}

export function baseBody(operation: Operation, tenant: Tenant): Record<string, unknown> {
  const properties = operation.body?.properties ?? {};
  return Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, baseValue(name, schema, tenant, operation.path)]));
}

export function basePath(operation: Operation, tenant: Tenant, override: Record<string, string> = {}): string {
  return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (override[name] !== undefined) return override[name];
    const parameter = operation.parameters.find((p) => p.name === name);
    return isIdField(name, parameter?.schema) ? idOf(tenant, name, operation.path) : PATH_DEFAULTS[name] ?? 'x';
  });
}

const isDecimalString = (schema: Schema) => schema.type === 'string' && typeof schema.example === 'string' && /^-?\d+(\.\d+)?$/.test(schema.example);
const isPeriod = (name: string) => /^(period|month|quarter)$/.test(name);

/** Hostile values for one field: [class, description, value, must the API refuse it?]. */
function hostileValues(name: string, schema: Schema, base: unknown): Array<[string, string, unknown, boolean]> {
  const values: Array<[string, string, unknown, boolean]> = [['null', 'null', null, false], ['wrong type', 'an array instead', [[]], false], ['wrong type', 'an object instead', { $gt: '' }, false],
    // Not a primitive and not convertible to one: found by the property-based tier (PUT /api/targets, year).
    ['wrong type', 'an object with a toString key', { toString: {} }, false],
    ['wrong type', 'an array of such objects', [{ toString: {} }], false],
  ];
  if (schema.format === 'date') {
    for (const date of ['0000-01-01', '9999-12-31', '2026-02-30', '2026-13-01', '1899-12-31', '+002026-03-01']) values.push(['date', `date out of range ${date}`, date, true]);
    if (name === 'foundedOn') values.push(['date', 'founding date in the future', '2099-01-01', true]);
  } else if (schema.type === 'number' || schema.type === 'integer') {
    const outside = (n: number) => (schema.minimum !== undefined && n < schema.minimum) || (schema.maximum !== undefined && n > schema.maximum);
    for (const n of [1e308, -1, 2 ** 31, 2 ** 63, 24.00000001, -0.5]) values.push(['number', `number ${n}`, n, outside(n) || (/areaM2/.test(name) && n === 24.00000001)]);
    for (const text of ['NaN', '1e999', 'Infinity', '']) values.push(['number', `number as text ${JSON.stringify(text)}`, text, false]);
  } else if (schema.type === 'array') {
    // The base's own (real) id twice, so the duplicate is the only thing wrong with the body.
    const item = Array.isArray(base) && base.length ? base[0] : schema.items?.format === 'uuid' ? NO_SUCH_ID : 'x';
    values.push(['duplicate ids', 'duplicate ids', [item, item], schema.items?.format === 'uuid'], ['junk', 'a 10,000-item array', Array.from({ length: 10_000 }, () => item), false], ['junk', 'junk item', ['not-a-uuid'], schema.items?.format === 'uuid']);
  } else if (schema.type === 'boolean') {
    values.push(['wrong type', 'boolean as text', 'yes', false]);
  } else if (schema.type === 'object') {
    values.push(['junk', 'nested junk', { a: { b: [1, { c: '\ud800' }] } }, false], ['number', 'huge number value', { headcount: 1e308 }, false], ['broken unicode', 'broken Unicode key', { ['k\ud800']: 1 }, false], ['junk', '__proto__ key', JSON.parse('{"__proto__":{"polluted":1}}'), false]);
  } else {
    for (const [label, text] of [['lone surrogate', 'x\ud800'], ['lone low surrogate', '\udc00y'], ['NUL', 'x\u0000y']]) values.push(['broken unicode', `${label} in text`, text, true]);
    values.push(['junk', '200,000 characters', 'x'.repeat(200_000), schema.maxLength !== undefined], ['junk', 'empty text', '', false]);
    if (schema.format === 'uuid' || isIdField(name, schema)) values.push(['junk', 'not a uuid', 'not-a-uuid', schema.format === 'uuid'], ['junk', 'nil uuid', '00000000-0000-0000-0000-000000000000', false]);
    if (schema.enum) values.push(['junk', 'not in the enum', 'zz', true]);
    if (isDecimalString(schema)) for (const text of ['1e308', '-1', '9'.repeat(40), 'NaN', 'Infinity', '24.00000001', '0x10', '1,5']) values.push(['number', `decimal text ${text.slice(0, 12)}`, text, false]);
    if (isPeriod(name)) for (const period of ['0000-01', '0000-Q1', '2026-13', '2026-Q5', '9999-12']) values.push(['period', `period out of range ${period}`, period, true]);
    if (name === 'cron') for (const cron of ['* * * * * *', '* * * * *', '*/1 * * * *', '0 7 5 1,4,7,10 * *']) values.push(['cron', `cron too often or six fields: ${cron}`, cron, true]);
    if (name === 'country') for (const country of ['ZZ', 'FRA']) values.push(['country', `country ${country}`, country, true]);
  }
  return values;
}

/** The field that ends the range a field starts: startsOn → endsOn, from → to, closedFrom → closedTo. */
function rangeEnd(name: string, names: string[]): string | undefined {
  const candidates = [name.replace('start', 'end').replace('Start', 'End'), name.replace(/^from$/, 'to').replace('From', 'To')];
  return candidates.find((candidate) => candidate !== name && names.includes(candidate));
}

const json = (value: unknown) => JSON.stringify(value);
const query = (pairs: Array<[string, string]>) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : '');

/** Oversized, deep, mis-declared and unreadable bodies: refused before any work, whoever calls. */
export function transportCases(operation: Operation, tenant: Tenant): Case[] {
  const op = `${operation.method} ${operation.path}`;
  const url = basePath(operation, tenant);
  const base = json(baseBody(operation, tenant));
  const cases: Case[] = [];
  const add = (input: string, body: string | Buffer, contentType: string, expect: number | '4xx', kind = 'transport') =>
    cases.push({ operation: op, input, kind, method: operation.method, url, body, contentType, expect });
  if (operation.textBody) {
    add('CSV over its 2 MB limit', 'startup,period\n' + 'x,2025-01\n'.repeat(230_000), operation.textBody, 413, 'oversized body');
    add('CSV with NUL and broken UTF-8', Buffer.concat([Buffer.from('startup,period,headcount\n\u0000'), Buffer.from([0xed, 0xa0, 0x80, 0xff]), Buffer.from(',2025-01,1\n')]), operation.textBody, '4xx', 'broken unicode');
  }
  add('JSON body of 1.1 MB', json({ ...JSON.parse(base), pad: 'x'.repeat(1_100_000) }), 'application/json', 413, 'oversized body');
  add('arrays nested 5,000 deep', '['.repeat(5_000) + ']'.repeat(5_000), 'application/json', '4xx', 'deep body');
  add('objects nested 5,000 deep', '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000), 'application/json', '4xx', 'deep body');
  add('charset latin1', base, 'application/json; charset=latin1', 415, 'charset');
  add('charset utf-16', base, 'application/json; charset=utf-16', 415, 'charset');
  add('invalid UTF-8 bytes in a string', Buffer.concat([Buffer.from('{"x":"'), Buffer.from([0xed, 0xa0, 0x80, 0xff, 0xfe]), Buffer.from('"}')]), 'application/json', '4xx', 'broken unicode');
  add('malformed JSON', '{"a":', 'application/json', 400, 'malformed body');
  return cases;
}

/** One body field at a time made hostile, the whole body replaced by junk, and every range reversed. */
export function bodyCases(operation: Operation, tenant: Tenant): Case[] {
  if (!operation.body) return [];
  const op = `${operation.method} ${operation.path}`;
  const url = basePath(operation, tenant);
  const base = baseBody(operation, tenant);
  const properties = operation.body.properties ?? {};
  const names = Object.keys(properties);
  const cases: Case[] = [];
  const add = (kind: string, input: string, body: unknown, mustRefuse: boolean) =>
    cases.push({ operation: op, input, kind, method: operation.method, url, body: json(body), contentType: 'application/json', expect: mustRefuse ? '4xx' : undefined });
  for (const [label, value] of [['body null', null], ['body an array', []], ['body a string', 'x'], ['body a number', 1e308]] as const) add('whole body', label, value, true);
  add('whole body', 'every field null', Object.fromEntries(names.map((n) => [n, null])), false);
  for (const [name, schema] of Object.entries(properties)) {
    for (const [kind, label, value, mustRefuse] of hostileValues(name, schema, base[name])) add(kind, `${label}: body.${name}`, { ...base, [name]: value }, mustRefuse);
    const end = rangeEnd(name, names);
    if (end) {
      add('reversed range', `body.${end} before body.${name}`, { ...base, [name]: '2026-06-01', [end]: '2026-03-01' }, true);
      // Half-open [start, end): an empty range is as wrong as a reversed one.
      if (/start/i.test(name)) add('reversed range', `body.${end} equal to body.${name}`, { ...base, [name]: '2026-06-01', [end]: '2026-06-01' }, true);
    }
  }
  return cases;
}

/** Junk in every query parameter and every path parameter, paging out of bounds, dates and periods out of range. */
export function parameterCases(operation: Operation, tenant: Tenant): Case[] {
  const op = `${operation.method} ${operation.path}`;
  const base = operation.body ? json(baseBody(operation, tenant)) : undefined;
  const cases: Case[] = [];
  const add = (kind: string, input: string, url: string, mustRefuse: boolean) =>
    cases.push({ operation: op, input, kind, method: operation.method, url, body: base, contentType: base ? 'application/json' : undefined, expect: mustRefuse ? '4xx' : undefined });
  const queryNames = operation.parameters.filter((p) => p.in === 'query').map((p) => p.name);
  for (const parameter of operation.parameters) {
    const { name, schema = {} } = parameter;
    const values: Array<[string, string, string, boolean]> = [
      ['broken unicode', 'NUL', '%00', true],
      ['broken unicode', 'text then NUL', 'x%00', true],
      ['broken unicode', 'encoded lone surrogate', '%ED%A0%80', false],
      ['broken unicode', 'invalid UTF-8', '%FF%FE', false],
      ['junk', 'a lone percent sign', '%', false],
      ['junk', '5,000 characters', 'x'.repeat(5_000), false],
    ];
    // Only a declared uuid must be one: some id parameters (an audit event's entityId) take other keys too.
    if (isIdField(name, schema)) values.push(['junk', 'not a uuid', 'not-a-uuid', schema.format === 'uuid']);
    if (/^(limit|offset)$/.test(name))
      for (const n of ['99999999999999999999', '-1', '1e308', 'NaN', '2147483648', '9223372036854775808']) values.push(['paging', `${name} ${n}`, n, true]);
    if (schema.format === 'date') for (const date of ['0000-01-01', '9999-12-31', '2026-02-30']) values.push(['date', `date out of range ${date}`, date, true]);
    if (isPeriod(name)) for (const period of ['0000-01', '0000-Q1', '2026-13', '2026-Q0', '9999-Q4']) values.push(['period', `period out of range ${period}`, period, true]);
    if (parameter.in === 'path') {
      if (name === 'kind') values.push(['junk', 'unknown kind', 'zz', true]);
      values.push(['junk', 'dot segments', '..%2F..', true]);
      // Any junk in a path names nothing: at best a 404.
      for (const [kind, label, value] of values) add(kind, `${label}: path.${name}`, basePath(operation, tenant, { [name]: value }), true);
    } else {
      const url = basePath(operation, tenant);
      for (const [kind, label, value, mustRefuse] of values) add(kind, `${label}: query.${name}`, url + query([[name, value]]), mustRefuse);
      add('junk', `repeated: query.${name}`, url + query([[name, '1'], [name, '2']]), false);
      const end = rangeEnd(name, queryNames);
      if (end) add('reversed range', `query.${end} before query.${name}`, url + query([[name, '2026-06-01'], [end, '2026-03-01']]), true);
    }
  }
  return cases;
}

/**
 * Each id the operation takes (path, query, body, arrays of ids), in turn, set to a real id of the other
 * organisation, everything else the caller's own: the API must not read or write that row.
 */
export function foreignCases(operation: Operation, own: Tenant, other: Tenant): Case[] {
  const op = `${operation.method} ${operation.path}`;
  const cases: Case[] = [];
  const foreignId = (name: string) => {
    const kind = kindOf(name, operation.path);
    return kind ? other.ids[kind]?.[0] : undefined;
  };
  const base = operation.body ? baseBody(operation, own) : undefined;
  const withBody = (c: Omit<Case, 'body' | 'contentType'>, body = base): Case => ({ ...c, body: body && json(body), contentType: body ? 'application/json' : undefined });
  for (const parameter of operation.parameters.filter((p) => isIdField(p.name, p.schema))) {
    const id = foreignId(parameter.name);
    if (!id) continue;
    const url = parameter.in === 'path' ? basePath(operation, own, { [parameter.name]: id }) : basePath(operation, own) + query([[parameter.name, id]]);
    cases.push(withBody({ operation: op, input: `other organisation's ${parameter.in}.${parameter.name}`, kind: 'foreign id', method: operation.method, url, foreign: { id, where: parameter.in as 'path' | 'query' } }));
  }
  for (const [name, schema] of Object.entries(operation.body?.properties ?? {})) {
    const array = schema.type === 'array';
    if (!isIdField(array ? name.replace(/s$/, '') : name, array ? schema.items : schema)) continue;
    const id = foreignId(name);
    if (!id || !base) continue;
    const url = basePath(operation, own);
    const variants: Array<[string, unknown]> = array ? [['only', [id]], ['beside an own id', [...(base[name] as string[]), id]]] : [['', id]];
    for (const [label, value] of variants)
      cases.push(withBody({ operation: op, input: `other organisation's body.${name}${label ? ` (${label})` : ''}`, kind: 'foreign id', method: operation.method, url, foreign: { id, where: 'body' } }, { ...base, [name]: value }));
  }
  return cases;
}
