import { expectValidEn16931 } from './expect-valid-en16931';
import { officialExample, validateCii, warmUpSchematron } from './validate-cii';

// Saxon runs the whole Schematron per document: seconds each on a loaded two-core machine, not Jest's default 5.
jest.setTimeout(120_000);

const EXAMPLES = ['CII_example1.xml', 'CII_example2.xml', 'CII_business_example_01.xml'];

describe('the official EN 16931 CII validators (schema + Schematron)', () => {
  beforeAll(() => warmUpSchematron(), 180_000); // compiles the Schematron XSLT to SEF once (≈ 9 s), then cached

  it.each(EXAMPLES)('accept the official example %s', async (name) => {
    expect(await validateCii(officialExample(name))).toMatchObject({ schemaErrors: [], fatal: [] });
    await expectValidEn16931(officialExample(name));
  });

  it('refuse a wrong grand total with BR-CO-15', async () => {
    const broken = officialExample('CII_example1.xml').replace(/<ram:GrandTotalAmount>[^<]*</, '<ram:GrandTotalAmount>9999.99<');
    const result = await validateCii(broken);
    expect(result.schemaErrors).toEqual([]);
    expect(result.fatal.map((f) => f.id)).toContain('BR-CO-15');
    await expect(expectValidEn16931(broken)).rejects.toThrow(/BR-CO-15/);
  });

  it('report a schema error for an element out of place', async () => {
    const broken = officialExample('CII_example1.xml').replace('<ram:TypeCode>380</ram:TypeCode>', '<ram:TypeCode>380</ram:TypeCode><ram:Bogus>1</ram:Bogus>');
    const result = await validateCii(broken);
    expect(result.schemaErrors.join('\n')).toMatch(/Bogus/);
    await expect(expectValidEn16931(broken)).rejects.toThrow(/schema: .*Bogus/);
  });
});
