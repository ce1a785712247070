import { organisationToday } from '@incubator/api/organisations';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import { isValidSiren, periodRange } from '@incubator/contracts';
import type { Bilingual, KpiDefinitionResponse, KpiImportLineError, KpiImportResult, KpiPeriodicity, Locale } from '@incubator/contracts';
import { KpiDefinitionRepository, toRule } from './kpi-definition.repository';
import { KpiRollupService } from './kpi-rollup.service';
import { KpiImportRepository } from './kpi-import.repository';
import { checkKpiValues, KpiRule } from './kpi-values';

/** Columns the export writes that the import reads past (so an export can be edited and imported back). */
const IGNORED_COLUMNS = new Set(['legal_name', 'status', 'funds_raised_eur']);
export const KPI_IMPORT_MAX_LINES = 50_000;
/** A decimal written with a comma (French spreadsheets, the French export): `1234,56` is read as 1234.56. */
const DECIMAL_COMMA = /^(-?\d+),(\d+)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `;` or `,`: whichever the header line holds more of (a French export or spreadsheet writes `;`). */
export function csvDelimiter(csv: string): ';' | ',' {
  const header = csv.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

interface GoodLine {
  startupId: string;
  period: string;
  range: NonNullable<ReturnType<typeof periodRange>>;
  values: Map<string, string>;
}

/**
 * Historical KPIs from a CSV file (`,` or `;` separated, decimal point or comma): header `startup,period,<kpi keys…>`, one report per line, startup
 * given by SIREN, id or exact legal name. Every line is checked as a report would be (known startup,
 * past period, not already reported, values within bounds, required KPIs present). Nothing is written
 * unless every line is good; imported reports are validated by the importing manager.
 */
@Injectable()
export class KpiImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: KpiImportRepository,
    private readonly definitions: KpiDefinitionRepository,
    private readonly audit: AuditService,
    private readonly rollups: KpiRollupService,
  ) {}

  async import(caller: Caller, csv: string, options: { dryRun: boolean; locale: Locale }): Promise<KpiImportResult> {
    const errors: KpiImportLineError[] = [];
    const fail = (line: number, column: string | null, text: Bilingual): void => {
      errors.push({ line, column, message: text[options.locale] });
    };
    const result = (lines: number, imported = 0): KpiImportResult => ({ dryRun: options.dryRun, lines, imported, errors });

    let rows: string[][];
    try {
      rows = parse(csv, { bom: true, delimiter: csvDelimiter(csv), skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
    } catch (error) {
      const line = (error as { lines?: number }).lines ?? 1;
      fail(line, null, { fr: `CSV illisible : ${(error as Error).message}`, en: `Unreadable CSV: ${(error as Error).message}` });
      return result(0);
    }
    if (rows.length < 2) {
      fail(1, null, { fr: 'le fichier doit contenir un en-tête et au moins une ligne', en: 'the file needs a header and at least one line' });
      return result(Math.max(rows.length - 1, 0));
    }
    if (rows.length - 1 > KPI_IMPORT_MAX_LINES) {
      fail(1, null, { fr: `au plus ${KPI_IMPORT_MAX_LINES} lignes par import`, en: `at most ${KPI_IMPORT_MAX_LINES} lines per import` });
      return result(rows.length - 1);
    }

    const today = await organisationToday(this.dataSource, caller.organisationId);
    const definitions = await this.definitions.listUnordered(caller.organisationId);
    const header = rows[0].map((h) => h.toLowerCase());
    const known = new Set(definitions.map((d) => d.key));
    header.forEach((column, index) => {
      if (index === 0 && column !== 'startup') fail(1, column, { fr: 'la première colonne doit être « startup »', en: 'the first column must be "startup"' });
      else if (index === 1 && column !== 'period') fail(1, column, { fr: 'la deuxième colonne doit être « period »', en: 'the second column must be "period"' });
      else if (index > 1 && !known.has(column) && !IGNORED_COLUMNS.has(column)) fail(1, column, { fr: `colonne inconnue « ${column} »`, en: `unknown column "${column}"` });
      else if (header.indexOf(column) !== index) fail(1, column, { fr: 'colonne en double', en: 'duplicate column' });
    });
    if (errors.length) return result(rows.length - 1);

    const startups = await this.startupDirectory(caller.organisationId);
    const lines: GoodLine[] = [];
    const seen = new Map<string, number>();
    rows.slice(1).forEach((cells, index) => {
      const line = index + 2;
      if (cells.length > header.length) return fail(line, null, { fr: `${cells.length} cellules pour ${header.length} colonnes`, en: `${cells.length} cells for ${header.length} columns` });
      const startupId = startups.resolve(cells[0] ?? '');
      if (!startupId) return fail(line, 'startup', { fr: `startup inconnue « ${cells[0] ?? ''} » (SIREN, identifiant ou raison sociale)`, en: `unknown startup "${cells[0] ?? ''}" (SIREN, id or legal name)` });
      const period = cells[1] ?? '';
      const range = periodRange(period);
      if (!range) return fail(line, 'period', { fr: 'période au format AAAA-MM ou AAAA-Qn', en: 'period must be YYYY-MM or YYYY-Qn' });
      if (range.start > today) return fail(line, 'period', { fr: 'période dans le futur', en: 'period is in the future' });
      const key = `${startupId}|${period}`;
      if (seen.has(key)) return fail(line, 'period', { fr: `même startup et période qu’à la ligne ${seen.get(key)}`, en: `same startup and period as line ${seen.get(key)}` });
      seen.set(key, line);
      const values: Record<string, string> = {};
      header.forEach((column, i) => {
        if (i > 1 && !IGNORED_COLUMNS.has(column) && (cells[i] ?? '') !== '') values[column] = cells[i].replace(DECIMAL_COMMA, '$1.$2');
      });
      const rules = startups.rules(startupId, range.periodicity, definitions);
      const checked = checkKpiValues(rules, values, { requireAll: true });
      for (const [column, text] of Object.entries(checked.problems)) fail(line, column, text);
      if (!Object.keys(checked.problems).length) lines.push({ startupId, period, range, values: checked.values });
    });

    const existing = await this.repository.existing(caller.organisationId, lines);
    for (const good of lines) {
      if (existing.has(`${good.startupId}|${good.period}`)) {
        fail(seen.get(`${good.startupId}|${good.period}`)!, 'period', { fr: 'un rapport existe déjà pour cette startup et cette période', en: 'a report already exists for this startup and period' });
      }
    }
    errors.sort((a, b) => a.line - b.line);
    if (errors.length || options.dryRun) return result(rows.length - 1);
    await this.write(caller, lines);
    return result(rows.length - 1, lines.length);
  }

  private async write(caller: Caller, lines: GoodLine[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const reports = lines.map((l) => ({ startupId: l.startupId, period: l.period, start: l.range.start, end: l.range.end }));
      const inserted = await this.repository.insertValidated(manager, caller.organisationId, caller.userId, reports);
      const reportIds = new Map(inserted.map((r) => [`${r.startupId}|${r.period}`, r.id]));
      const values: { reportIds: string[]; definitionIds: string[]; values: string[] } = { reportIds: [], definitionIds: [], values: [] };
      for (const line of lines) {
        for (const [definitionId, value] of line.values) {
          values.reportIds.push(reportIds.get(`${line.startupId}|${line.period}`)!);
          values.definitionIds.push(definitionId);
          values.values.push(value);
        }
      }
      await this.repository.insertValues(manager, values);
      await this.rollups.reportsChanged(manager, inserted.map((r) => r.id));
      await this.audit.recordBy(manager, caller, {
        action: 'kpi_report.imported',
        entityType: 'kpi_report',
        entityId: inserted[0].id,
        before: null,
        after: { reports: inserted.length, periods: [...new Set(lines.map((l) => l.period))].sort() },
      });
    });
  }

  /** The organisation's startups by SIREN, id and legal name (names shared by two startups resolve to none), with their programs. */
  private async startupDirectory(organisationId: string) {
    const rows = await this.repository.startups(organisationId);
    const bySiren = new Map(rows.filter((r) => r.siren).map((r) => [r.siren!, r.id]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const byName = new Map<string, string | null>();
    for (const r of rows) byName.set(r.name, byName.has(r.name) ? null : r.id);
    return {
      resolve(text: string): string | null {
        if (isValidSiren(text)) return bySiren.get(text) ?? null;
        if (UUID.test(text)) return byId.has(text.toLowerCase()) ? text.toLowerCase() : null;
        return byName.get(text.toLowerCase()) ?? null;
      },
      rules(startupId: string, periodicity: KpiPeriodicity, definitions: KpiDefinitionResponse[]): KpiRule[] {
        const programs = new Set(byId.get(startupId)?.programs ?? []);
        return definitions
          .filter((d) => d.periodicity === periodicity && (d.programId === null || programs.has(d.programId)))
          .map(toRule);
      },
    };
  }
}
