import { validateCii } from './validate-cii';

/**
 * For every billing test that generates an invoice or a credit note:
 * `await expectValidEn16931(xml)` fails the test, listing each problem, on any XSD error or any fatal
 * EN 16931 business rule (warnings are allowed). The first call in a run compiles the official Schematron
 * (≈ 9 s, then cached in the OS temp folder): give that test, or its beforeAll, a generous timeout.
 */
export async function expectValidEn16931(xml: string, label = 'invoice'): Promise<void> {
  const { schemaErrors, fatal } = await validateCii(xml);
  const problems = [...schemaErrors.map((e) => `schema: ${e}`), ...fatal.map((f) => `${f.id}: ${f.text}`)];
  if (problems.length > 0) throw new Error(`${label} is not a valid EN 16931 CII document:\n  ${problems.join('\n  ')}`);
}

export { validateCii, warmUpSchematron, officialExample } from './validate-cii';
export type { CiiValidation } from './validate-cii';
