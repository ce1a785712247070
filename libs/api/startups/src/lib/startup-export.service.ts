import { Injectable } from '@nestjs/common';
import { Workbook } from 'exceljs';
import type { Locale, StartupResponse } from '@incubator/contracts';

export type ExportFormat = 'csv' | 'xlsx';

const HEADERS: Record<Locale, string[]> = {
  fr: ['Raison sociale', 'Pays', 'SIREN', 'Secteur', 'Création', 'Stade', 'Effectif', 'Programme', 'Cohorte', 'Statut', 'Alumni', 'Site web'],
  en: ['Legal name', 'Country', 'SIREN', 'Sector', 'Founded', 'Stage', 'Team size', 'Program', 'Cohort', 'Status', 'Alumni', 'Website'],
};

/** Startup lists as CSV or XLSX through exceljs (one library for both, typed cells in XLSX). */
@Injectable()
export class StartupExportService {
  async render(startups: StartupResponse[], format: ExportFormat, locale: Locale): Promise<Buffer> {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet(locale === 'fr' ? 'Startups' : 'Startups');
    sheet.addRow(HEADERS[locale]).font = { bold: true };
    for (const s of startups) {
      sheet.addRow([
        s.legalName,
        s.country,
        s.siren ?? '',
        s.sector,
        s.foundedOn ? new Date(`${s.foundedOn}T00:00:00Z`) : '',
        s.stage,
        s.teamSize,
        s.currentEnrollment?.programName ?? '',
        s.currentEnrollment?.cohortName ?? '',
        s.currentEnrollment?.status ?? '',
        s.alumni ? (locale === 'fr' ? 'oui' : 'yes') : locale === 'fr' ? 'non' : 'no',
        s.website ?? '',
      ]);
    }
    sheet.getColumn(5).numFmt = 'yyyy-mm-dd';
    sheet.columns.forEach((column) => (column.width = 18));
    const buffer = format === 'csv' ? await workbook.csv.writeBuffer({ dateFormat: 'YYYY-MM-DD', dateUTC: true }) : await workbook.xlsx.writeBuffer();
    return Buffer.from(buffer as ArrayBuffer);
  }
}
