import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';

/**
 * Validates a CII D16B invoice against the official EN 16931 artefacts copied in ./official (European
 * Commission, EUPL 1.2): the XSD with xmllint-wasm, then the business rules (Schematron compiled to XSLT)
 * with saxon-js. The XSLT is compiled to SEF by xslt3 once and cached in the OS temp folder under its hash.
 */
export interface CiiValidation {
  schemaErrors: string[];
  /** `<svrl:failed-assert flag="fatal">`: a business rule the invoice breaks. */
  fatal: { id: string; text: string }[];
  warnings: { id: string; text: string }[];
}

export const OFFICIAL_DIR = join(__dirname, 'official');
const XSD_DIR = join(OFFICIAL_DIR, 'xsd', 'data', 'standard');
const MAIN_XSD = 'CrossIndustryInvoice_100pD16B.xsd';
const XSLT = join(OFFICIAL_DIR, 'xslt', 'EN16931-CII-validation.xslt');

let xsdFiles: { fileName: string; contents: string }[] | undefined;
let sefText: string | undefined;
let sefObject: unknown;

function schemaFiles() {
  xsdFiles ??= readdirSync(XSD_DIR)
    .filter((name) => name.endsWith('.xsd'))
    .map((fileName) => ({ fileName, contents: readFileSync(join(XSD_DIR, fileName), 'utf8') }));
  return xsdFiles;
}

/** The Schematron XSLT compiled to SEF (≈ 9 s the first time on a machine, then read from the cache). */
export function compiledSchematron(): string {
  if (sefText) return sefText;
  const xslt = readFileSync(XSLT);
  const hash = createHash('sha256').update(xslt).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), 'incubator-einvoicing');
  const sef = join(dir, `EN16931-CII-${hash}.sef.json`);
  if (!existsSync(sef)) {
    mkdirSync(dir, { recursive: true });
    const partial = `${sef}.${process.pid}.tmp`;
    const cli = require.resolve('xslt3/xslt3.js');
    execFileSync(process.execPath, [cli, `-xsl:${XSLT}`, `-export:${partial}`, '-nogo'], { stdio: 'pipe', timeout: 120_000 });
    renameSync(partial, sef); // atomic: parallel workers never read a half-written file
  }
  sefText = readFileSync(sef, 'utf8');
  return sefText;
}

export async function validateCiiSchema(xml: string): Promise<string[]> {
  const files = schemaFiles();
  const main = files.find((f) => f.fileName === MAIN_XSD);
  if (!main) throw new Error(`${MAIN_XSD} missing from ${XSD_DIR}`);
  const result = await validateXML({
    xml: [{ fileName: 'invoice.xml', contents: xml }],
    schema: [main],
    preload: files.filter((f) => f !== main),
  });
  return result.errors.map((e) => e.rawMessage ?? e.message);
}

interface SaxonJs {
  transform(options: Record<string, unknown>, mode: 'async'): Promise<{ principalResult: string }>;
}

export async function validateCiiRules(xml: string): Promise<Pick<CiiValidation, 'fatal' | 'warnings'>> {
  const saxon = require('saxon-js') as SaxonJs;
  sefObject ??= JSON.parse(compiledSchematron()); // parsed once: SaxonJS keeps its prepared form on the object
  const { principalResult } = await saxon.transform({ stylesheetInternal: sefObject, sourceText: xml, destination: 'serialized' }, 'async');
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, isArray: (name) => name === 'failed-assert' });
  const report = parser.parse(principalResult) as { 'schematron-output'?: { 'failed-assert'?: { '@id'?: string; '@flag'?: string; text?: unknown }[] } };
  const asserts = (report['schematron-output']?.['failed-assert'] ?? []).map((a) => ({
    id: a['@id'] ?? '?',
    flag: a['@flag'] ?? 'fatal',
    text: typeof a.text === 'string' ? a.text.trim() : JSON.stringify(a.text),
  }));
  return {
    fatal: asserts.filter((a) => a.flag === 'fatal').map(({ id, text }) => ({ id, text })),
    warnings: asserts.filter((a) => a.flag !== 'fatal').map(({ id, text }) => ({ id, text })),
  };
}

/** Schema first; the business rules run only on a schema-valid document (as the official validators do). */
export async function validateCii(xml: string): Promise<CiiValidation> {
  const schemaErrors = await validateCiiSchema(xml);
  if (schemaErrors.length > 0) return { schemaErrors, fatal: [], warnings: [] };
  return { schemaErrors, ...(await validateCiiRules(xml)) };
}

/** For a test that wants the artefacts themselves (the official examples). */
export function officialExample(name: string): string {
  return readFileSync(join(OFFICIAL_DIR, 'examples', name), 'utf8');
}

/** Writes the SEF once (e.g. from a Jest global set-up); later calls read the cache. */
export function warmUpSchematron(): void {
  compiledSchematron();
}
