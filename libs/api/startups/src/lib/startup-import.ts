import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { isValidSiren, normalisePhone, SECTORS, STAGES, STARTUP_IMPORT_COLUMNS } from '@incubator/contracts';
import type { Bilingual, Sector, Stage, StartupImportColumn } from '@incubator/contracts';

/** A file read into lines of cells: `line` is the 1-based line (CSV) or row (XLSX) number of the cells. */
export interface ImportTable {
  rows: Array<{ line: number; cells: string[] }>;
}

export interface ImportProblem {
  line: number;
  field: StartupImportColumn | null;
  text: Bilingual;
}

/** A good line, ready to write (the country is France: the SIREN is required). */
export interface ImportLine {
  line: number;
  legalName: string;
  siren: string;
  sector: Sector;
  stage: Stage;
  foundedOn: string | null;
  teamSize: number;
  contact: { name: string; email: string | null; phone: string | null; role: string | null } | null;
}

/** Lower case, no accents, letters and digits only: "Date de création" → "datedecreation". */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const HEADER_ALIASES: Record<StartupImportColumn, string[]> = {
  legalName: ['Raison sociale', 'Nom', 'Dénomination', 'Legal name', 'Name', 'Company'],
  siren: ['SIREN'],
  sector: ['Secteur', 'Sector'],
  stage: ['Stade', 'Maturité', 'Stage'],
  foundedOn: ['Date de création', 'Founded on', 'Founding date', 'Date of incorporation'],
  teamSize: ['Effectif', 'Team size', 'Headcount'],
  contactName: ['Contact nom', 'Nom du contact', 'Contact name'],
  contactEmail: ['Contact e-mail', 'Contact email', 'Contact courriel', 'E-mail du contact'],
  contactPhone: ['Contact téléphone', 'Contact phone', 'Téléphone du contact'],
  contactRole: ['Contact rôle', 'Contact fonction', 'Rôle du contact', 'Contact role'],
};
const HEADERS = new Map<string, StartupImportColumn>(
  STARTUP_IMPORT_COLUMNS.flatMap((column) => [column, ...HEADER_ALIASES[column]].map((alias) => [normaliseLabel(alias), column] as const)),
);
const REQUIRED: StartupImportColumn[] = ['legalName', 'siren', 'sector', 'stage'];

/** The labels the pages show (fr.json / en.json), accepted as well as the codes. */
const SECTOR_LABELS: Record<Sector, string[]> = {
  ai: ['Intelligence artificielle', 'Artificial intelligence', 'IA'],
  cybersecurity: ['Cybersécurité', 'Cybersecurity'],
  edtech: ['Edtech'],
  fintech: ['Fintech'],
  foodtech: ['Foodtech'],
  greentech: ['Greentech'],
  healthtech: ['Santé', 'Healthtech'],
  industry: ['Industrie', 'Industry'],
  media: ['Médias', 'Media'],
  mobility: ['Mobilité', 'Mobility'],
  retail: ['Commerce', 'Retail'],
  other: ['Autre', 'Other'],
};
const STAGE_LABELS: Record<Stage, string[]> = {
  idea: ['Idée', 'Idea'],
  prototype: ['Prototype'],
  mvp: ['MVP'],
  revenue: ['Premiers revenus', 'First revenue'],
  scale: ['Croissance', 'Scale-up'],
};
const lookup = <T extends string>(codes: readonly T[], labels: Record<T, string[]>) =>
  new Map<string, T>(codes.flatMap((code) => [code, ...labels[code]].map((label) => [normaliseLabel(label), code] as const)));
const SECTOR_BY_LABEL = lookup(SECTORS, SECTOR_LABELS);
const STAGE_BY_LABEL = lookup(STAGES, STAGE_LABELS);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** CSV text (UTF-8, BOM or not), `;` or `,` separated: whichever the header line holds more of. */
export function readCsv(text: string): ImportTable {
  const body = text.replace(/^\uFEFF/, '');
  const header = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records = parse(body, { delimiter, skip_empty_lines: true, trim: true, relax_column_count: true, info: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  return { rows: records.map(({ record, info }) => ({ line: info.lines, cells: record })) };
}

/** The first worksheet of an XLSX file; dates become YYYY-MM-DD, numbers their plain digits. */
export async function readXlsx(file: Buffer): Promise<ImportTable> {
  const workbook = new Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: ImportTable['rows'] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column).value));
    if (cells.some((cell) => cell !== '')) rows.push({ line, cells });
  });
  return { rows };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { text?: unknown; result?: unknown; richText?: Array<{ text: string }>; hyperlink?: string };
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join('').trim();
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
    return '';
  }
  return String(value).trim();
}

/** YYYY-MM-DD or DD/MM/YYYY (also DD-MM-YYYY, DD.MM.YYYY) as YYYY-MM-DD, or null when it is no calendar date. */
export function readDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : french ? [french[3], french[2].padStart(2, '0'), french[1].padStart(2, '0')] : [];
  if (!y) return null;
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === `${y}-${m}-${d}` ? `${y}-${m}-${d}` : null;
}

/**
 * Every line checked on its own and against the others (a SIREN twice in the file); what needs the
 * database (SIRENs already registered) is the service's. Header problems are line 1's.
 */
export function checkImport(table: ImportTable, today: string): { lines: ImportLine[]; problems: ImportProblem[]; count: number } {
  const problems: ImportProblem[] = [];
  const [head, ...data] = table.rows;
  const count = data.length;
  if (!head) {
    problems.push({ line: 1, field: null, text: { fr: 'le fichier doit contenir un en-tête et au moins une ligne', en: 'the file needs a header and at least one line' } });
    return { lines: [], problems, count };
  }
  const columns = new Map<StartupImportColumn, number>();
  head.cells.forEach((label, index) => {
    const column = HEADERS.get(normaliseLabel(label));
    if (!column) problems.push({ line: head.line, field: null, text: { fr: `colonne inconnue « ${label} »`, en: `unknown column "${label}"` } });
    else if (columns.has(column)) problems.push({ line: head.line, field: column, text: { fr: `colonne « ${label} » en double`, en: `duplicate column "${label}"` } });
    else columns.set(column, index);
  });
  for (const column of REQUIRED) {
    if (!columns.has(column)) problems.push({ line: head.line, field: column, text: { fr: `colonne « ${HEADER_ALIASES[column][0]} » manquante`, en: `missing column "${HEADER_ALIASES[column].at(-1)}"` } });
  }
  if (problems.length) return { lines: [], problems, count };
  if (!data.length) problems.push({ line: head.line, field: null, text: { fr: 'aucune ligne à importer', en: 'no line to import' } });

  const lines: ImportLine[] = [];
  const sirens = new Map<string, number>();
  for (const { line, cells } of data) {
    const cell = (column: StartupImportColumn): string => {
      const index = columns.get(column);
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const before = problems.length;
    const fail = (field: StartupImportColumn, text: Bilingual) => problems.push({ line, field, text });

    const legalName = cell('legalName');
    if (!legalName) fail('legalName', { fr: 'raison sociale obligatoire', en: 'legal name is required' });
    else if (legalName.length > 200) fail('legalName', { fr: 'raison sociale trop longue (200 caractères au plus)', en: 'legal name too long (at most 200 characters)' });

    const siren = cell('siren').replace(/\s/g, '');
    if (!siren) fail('siren', { fr: 'SIREN obligatoire', en: 'SIREN is required' });
    else if (!isValidSiren(siren)) fail('siren', { fr: `SIREN invalide « ${siren} » (9 chiffres, clé de contrôle incorrecte)`, en: `invalid SIREN "${siren}" (9 digits with a correct check digit)` });
    else if (sirens.has(siren)) fail('siren', { fr: `SIREN déjà présent à la ligne ${sirens.get(siren)}`, en: `same SIREN as line ${sirens.get(siren)}` });
    else sirens.set(siren, line);

    const sector = SECTOR_BY_LABEL.get(normaliseLabel(cell('sector')));
    if (!sector) fail('sector', { fr: `secteur inconnu « ${cell('sector')} »`, en: `unknown sector "${cell('sector')}"` });
    const stage = STAGE_BY_LABEL.get(normaliseLabel(cell('stage')));
    if (!stage) fail('stage', { fr: `stade inconnu « ${cell('stage')} »`, en: `unknown stage "${cell('stage')}"` });

    const foundedText = cell('foundedOn');
    const foundedOn = foundedText ? readDate(foundedText) : null;
    if (foundedText && !foundedOn) fail('foundedOn', { fr: `date invalide « ${foundedText} » (JJ/MM/AAAA ou AAAA-MM-JJ)`, en: `invalid date "${foundedText}" (YYYY-MM-DD or DD/MM/YYYY)` });
    else if (foundedOn && foundedOn > today) fail('foundedOn', { fr: 'date de création dans le futur', en: 'founding date is in the future' });

    const teamText = cell('teamSize').replace(/\s/g, '');
    const teamSize = teamText === '' ? 0 : Number(teamText);
    if (!/^-?\d+$/.test(teamText || '0')) fail('teamSize', { fr: `effectif invalide « ${teamText} » (nombre entier)`, en: `invalid team size "${teamText}" (a whole number)` });
    else if (teamSize < 0) fail('teamSize', { fr: 'effectif négatif', en: 'negative team size' });
    else if (teamSize > 100_000) fail('teamSize', { fr: 'effectif trop grand (100 000 au plus)', en: 'team size too large (at most 100,000)' });

    const [contactName, contactEmail, contactPhone, contactRole] = [cell('contactName'), cell('contactEmail').toLowerCase(), cell('contactPhone'), cell('contactRole')];
    const phone = contactPhone ? normalisePhone(contactPhone) : null;
    if (contactEmail && (!EMAIL.test(contactEmail) || contactEmail.length > 254)) fail('contactEmail', { fr: `adresse e-mail invalide « ${contactEmail} »`, en: `invalid e-mail address "${contactEmail}"` });
    if (contactPhone && !phone) fail('contactPhone', { fr: `téléphone invalide « ${contactPhone} » (format international, ex. +33 6 12 34 56 78)`, en: `invalid phone "${contactPhone}" (international form, e.g. +33 6 12 34 56 78)` });
    if (!contactName && (contactEmail || contactPhone || contactRole)) fail('contactName', { fr: 'nom du contact obligatoire avec ses coordonnées', en: 'contact name is required with their details' });
    if (contactName.length > 200) fail('contactName', { fr: 'nom du contact trop long (200 caractères au plus)', en: 'contact name too long (at most 200 characters)' });
    if (contactRole.length > 100) fail('contactRole', { fr: 'rôle du contact trop long (100 caractères au plus)', en: 'contact role too long (at most 100 characters)' });

    if (problems.length === before && sector && stage) {
      const contact = contactName ? { name: contactName, email: contactEmail || null, phone, role: contactRole || null } : null;
      lines.push({ line, legalName, siren, sector, stage, foundedOn, teamSize, contact });
    }
  }
  return { lines, problems, count };
}
