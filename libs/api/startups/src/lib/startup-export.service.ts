import { Injectable } from '@nestjs/common';
import type { Locale, StartupResponse } from '@incubator/contracts';
import { renderTable, TableFormat } from '@incubator/api/sql';

export type ExportFormat = TableFormat;

const HEADERS: Record<Locale, string[]> = {
  fr: ['Raison sociale', 'Pays', 'SIREN', 'Secteur', 'Création', 'Stade', 'Effectif', 'Programme', 'Cohorte', 'Statut', 'Alumni', 'Site web'],
  en: ['Legal name', 'Country', 'SIREN', 'Sector', 'Founded', 'Stage', 'Team size', 'Program', 'Cohort', 'Status', 'Alumni', 'Website'],
};

/** Startup lists as CSV or XLSX, in the caller's language. */
@Injectable()
export class StartupExportService {
  render(startups: StartupResponse[], format: ExportFormat, locale: Locale): Promise<Buffer> {
    const yes = locale === 'fr' ? 'oui' : 'yes';
    const no = locale === 'fr' ? 'non' : 'no';
    const rows = startups.map((s) => [
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
      s.alumni ? yes : no,
      s.website ?? '',
    ]);
    return renderTable('Startups', HEADERS[locale], rows, format);
  }
}
