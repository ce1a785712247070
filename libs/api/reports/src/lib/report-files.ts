import { Injectable } from '@nestjs/common';
import { Workbook } from 'exceljs';
import { OrganisationProfileRepository } from '@incubator/api/organisations';
import { euros, OccupancyService } from '@incubator/api/space';
import { renderTable } from '@incubator/api/sql';
import { labelOf, periodRange, PROGRAM_KIND_LABELS } from '@incubator/contracts';
import type { Locale, ReportFileFormat, ReportKind } from '@incubator/contracts';
import { BoardQuarterService } from './board-quarter.service';
import { renderBoardPackPdf } from './board-pack.pdf';
import { renderBoardPackXlsx } from './board-pack.xlsx';

export interface GeneratedFile {
  format: ReportFileFormat;
  locale: Locale;
  filename: string;
  content: Buffer;
}

const LOCALES: Locale[] = ['fr', 'en'];

/** Produces a run's files in memory (nothing is stored until the whole set exists). */
@Injectable()
export class ReportFiles {
  constructor(
    private readonly boardQuarter: BoardQuarterService,
    private readonly occupancy: OccupancyService,
    private readonly profiles: OrganisationProfileRepository,
  ) {}

  async generate(organisationId: string, kind: ReportKind, period: string, onProgress: (percent: number) => Promise<void>): Promise<GeneratedFile[]> {
    return kind === 'board_pack' ? this.boardPack(organisationId, period, onProgress) : this.occupancyReport(organisationId, period, onProgress);
  }

  private async boardPack(organisationId: string, quarter: string, onProgress: (percent: number) => Promise<void>): Promise<GeneratedFile[]> {
    const data = await this.boardQuarter.quarter(organisationId, quarter, onProgress);
    const logo = (await this.profiles.logo(organisationId))?.data ?? null;
    const generatedOn = new Date().toISOString().slice(0, 10);
    const files: GeneratedFile[] = [];
    for (const locale of LOCALES) {
      const name = locale === 'fr' ? `rapport-conseil-${quarter}` : `board-pack-${quarter}`;
      files.push({ format: 'pdf', locale, filename: `${name}.pdf`, content: await renderBoardPackPdf(data, locale, generatedOn, { logo }) });
      await onProgress(locale === 'fr' ? 80 : 90);
      files.push({ format: 'xlsx', locale, filename: `${name}.xlsx`, content: await renderBoardPackXlsx(data, locale) });
    }
    return files;
  }

  /** Occupancy on the month's last day and the month's rent roll: a two-sheet workbook and the rent roll as CSV. */
  private async occupancyReport(organisationId: string, month: string, onProgress: (percent: number) => Promise<void>): Promise<GeneratedFile[]> {
    const range = periodRange(month)!;
    const last = new Date(`${range.end}T00:00:00Z`);
    last.setUTCDate(last.getUTCDate() - 1);
    const occupancy = await this.occupancy.occupancy(organisationId, last.toISOString().slice(0, 10));
    const rentRoll = await this.occupancy.rentRoll(organisationId, month);
    await onProgress(60);
    const files: GeneratedFile[] = [];
    for (const locale of LOCALES) {
      const fr = locale === 'fr';
      const workbook = new Workbook();
      const occ = workbook.addWorksheet(fr ? 'Occupation' : 'Occupancy');
      occ.addRow(fr ? ['Site', 'Bâtiment', 'Étage', 'm² louables', 'm² loués', 'Taux %'] : ['Site', 'Building', 'Floor', 'Leasable m²', 'Leased m²', 'Rate %']).font = { bold: true };
      occupancy.floors.forEach((f) => occ.addRow([f.siteName, f.buildingName, f.floorName, f.leasableM2, f.leasedM2, f.occupancyRate]));
      occ.addRow(['Total', '', '', occupancy.totals.leasableM2, occupancy.totals.leasedM2, occupancy.totals.occupancyRate]).font = { bold: true };
      const rent = workbook.addWorksheet(fr ? 'Loyers' : 'Rent roll');
      const rentHeader = fr ? ['Startup', 'Programme', 'm²', 'Jours', 'Loyer €'] : ['Startup', 'Program', 'm²', 'Days', 'Rent €'];
      rent.addRow(rentHeader).font = { bold: true };
      rentRoll.lines.forEach((l) => rent.addRow([l.startupName, labelOf(PROGRAM_KIND_LABELS, locale, l.programKind), l.areaM2, l.days, Number(euros(l.rentCents))]));
      rent.addRow(['Total', '', '', '', Number(euros(rentRoll.totalCents))]).font = { bold: true };
      [occ, rent].forEach((sheet) => sheet.columns.forEach((c) => (c.width = 20)));
      const name = fr ? `occupation-${month}` : `occupancy-${month}`;
      files.push({ format: 'xlsx', locale, filename: `${name}.xlsx`, content: Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer) });
      // Through the one table writer, which neutralises startup names that a spreadsheet would run as formulas.
      const rentCsv = await renderTable('rent', rentHeader, [...rentRoll.lines.map((l) => [l.startupName, labelOf(PROGRAM_KIND_LABELS, locale, l.programKind), l.areaM2, l.days, euros(l.rentCents)]), ['Total', '', '', '', euros(rentRoll.totalCents)]], 'csv', locale);
      files.push({ format: 'csv', locale, filename: `${fr ? 'loyers' : 'rent-roll'}-${month}.csv`, content: rentCsv });
    }
    return files;
  }
}
