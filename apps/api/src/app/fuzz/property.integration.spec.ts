import type { NestExpressApplication } from '@nestjs/platform-express';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { signIn, startTestApi } from '../../test/test-app';
import { DatabaseWatch } from './database-watch';
import { operations, resolve, type OpenApiDocument, type Operation, type Schema } from './openapi';

/**
 * Property-based fuzzing of every operation, generated from the API's own OpenAPI document: bodies that
 * follow the schema, bodies with one field replaced by anything, and arbitrary JSON; path and query
 * parameters that follow their schema or are junk. Whatever the input: never a 5xx, and a 4xx writes nothing.
 * The seed is fixed, so a failure is reproduced by running the file again (FUZZ_SEED tries another).
 * Runs as the other organisation's admin, so valid bodies do not disturb the demo organisation.
 * The deterministic classes of hostile input are in hostile-input.integration.spec.ts.
 */
const RUNS_PER_OPERATION = Number(process.env['FUZZ_RUNS'] ?? 8);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_014);
/** Signing out or changing one's own credentials mid-run would fuzz nothing afterwards. */
const SKIPPED = [/^\/api\/auth\//];

describe('property-based fuzzing of every operation from the OpenAPI document', () => {
  let app: NestExpressApplication;
  let api: string;
  let headers: Record<string, string>;
  let watch: DatabaseWatch;
  let document: OpenApiDocument;

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    headers = { ...(await signIn(api, 'admin@other.test')), 'Content-Type': 'application/json', 'Accept-Language': 'en' };
    document = await (await fetch(`${api}/docs-json`)).json();
    watch = new DatabaseWatch(app.get(DataSource));
    await watch.start();
  });

  afterAll(() => app.close());

  function valid(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
    schema = resolve(document, schema);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    if (schema.example !== undefined && schema.type !== 'object') return fc.oneof(fc.constant(schema.example), scalar(schema));
    if (schema.type === 'array') return fc.array(schema.items ? valid(schema.items, depth + 1) : fc.anything(), { maxLength: 3 });
    if (schema.type === 'object' || schema.properties) {
      if (depth > 3 || !schema.properties) return fc.object({ maxDepth: 1 });
      const shape = Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, valid(value, depth + 1)]));
      return fc.record(shape, { requiredKeys: (schema.required ?? []).filter((k) => k in shape) });
    }
    return scalar(schema);
  }

  function scalar(schema: Schema): fc.Arbitrary<unknown> {
    switch (schema.type) {
      case 'integer':
        return fc.integer({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 100_000 });
      case 'number':
        return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e9, noNaN: true });
      case 'boolean':
        return fc.boolean();
      default:
        if (schema.format === 'uuid') return fc.uuid();
        if (schema.format === 'date') return fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
        if (schema.format === 'email') return fc.emailAddress();
        if (schema.format === 'uri') return fc.webUrl();
        return fc.string({ maxLength: schema.maxLength ?? 50 });
    }
  }

  /** A body that follows the schema, the same with one field replaced by anything, or any JSON at all. */
  function body(schema: Schema | undefined): fc.Arbitrary<unknown> {
    if (!schema) return fc.constant(undefined);
    const good = valid(schema);
    const broken = good.chain((value) =>
      typeof value === 'object' && value !== null && Object.keys(value).length
        ? fc.tuple(fc.constantFrom(...Object.keys(value)), fc.anything()).map(([key, junk]) => ({ ...(value as object), [key]: junk }))
        : fc.anything(),
    );
    return fc.oneof({ arbitrary: good, weight: 3 }, { arbitrary: broken, weight: 3 }, { arbitrary: fc.anything(), weight: 1 });
  }

  /** Each query parameter absent, following its schema, or any text. */
  function queryOf(operation: Operation): fc.Arbitrary<Record<string, unknown>> {
    const query = operation.parameters.filter((p) => p.in === 'query');
    return fc.record(Object.fromEntries(query.map((p) => [p.name, fc.oneof(valid(p.schema ?? {}), fc.string({ maxLength: 20 }))])), { requiredKeys: [] });
  }

  it('answers every operation with a 2xx or a 4xx, and a 4xx changes nothing', async () => {
    const all = operations(document).filter((o) => !SKIPPED.some((pattern) => pattern.test(o.path)));
    expect(all.length).toBeGreaterThan(70);
    const seen = new Map<string, number>();
    let requests = 0;
    for (const operation of all) {
      const { method, path } = operation;
      const pathParams = operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
      const params = fc.record(Object.fromEntries(pathParams.map((name) => [name, fc.oneof(fc.uuid(), fc.string({ maxLength: 20 }))])));
      await fc.assert(
        fc.asyncProperty(params, queryOf(operation), method === 'GET' ? fc.constant(undefined) : body(operation.body), async (values, query, payload) => {
          const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)])).toString();
          const url = api + path.replace(/^\/api/, '').replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(values[name]) || 'x')) + (search ? `?${search}` : '');
          const response = await fetch(url, { method, headers, body: payload === undefined ? undefined : JSON.stringify(payload) });
          const text = await response.text();
          requests++;
          const what = `${method} ${path}${search ? `?${search}` : ''} → ${response.status} for ${JSON.stringify(payload)?.slice(0, 300)}`;
          if (response.status >= 500) throw new Error(`${what}: ${text.slice(0, 300)}`);
          if ((await watch.changed()) && response.status >= 400) throw new Error(`${what} but the database changed`);
          const key = `${response.status}`;
          seen.set(key, (seen.get(key) ?? 0) + 1);
        }),
        { numRuns: RUNS_PER_OPERATION, seed: SEED },
      );
    }
    console.log(`fuzz: property-based, seed ${SEED}\n${requests} requests over ${all.length} operations; statuses ${[...seen.entries()].sort().map(([s, n]) => `${s}×${n}`).join('  ')}`);
    // The fuzz reached the handlers, not only the validation: some inputs were accepted somewhere.
    expect([...seen.keys()].some((s) => /^2\d\d$/.test(s))).toBe(true);
    expect([...seen.keys()].some((s) => /^4\d\d$/.test(s))).toBe(true);
  }, 300_000);
});
