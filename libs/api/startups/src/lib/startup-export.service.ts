import { Injectable } from '@nestjs/common';
import { ENROLLMENT_STATUS_LABELS, labelOf, SECTOR_LABELS, STAGE_LABELS } from '@incubator/contracts';
import type { Locale, StartupResponse } from '@incubator/contracts';
import { renderTable, TableFormat } from '@incubator/api/sql';

export type ExportFormat = TableFormat;

const HEADERS: Record<Locale, string[]> = {
  fr: ['Raison sociale', 'Pays', 'SIREN', 'Secteur', 'Création', 'Stade', 'Effectif', 'Programme', 'Cohorte', 'Statut', 'Alumni', 'Site web'],
  en: ['Legal name', 'Country', 'SIREN', 'Sector', 'Founded', 'Stage', 'Team size', 'Program', 'Cohort', 'Status', 'Alumni', 'Website'],
};

/** Startup lists as CSV or XLSX, in the caller's language (sector, stage and status as labels; the import reads them back). */
@Injectable()
export class StartupExportService {
  render(startups: StartupResponse[], format: ExportFormat, locale: Locale): Promise<Buffer> {
    const yes = locale === 'fr' ? 'oui' : 'yes';
    const no = locale === 'fr' ? 'non' : 'no';
    const rows = startups.map((s) => [
      s.legalName,
      s.country,
      s.siren ?? '',
      labelOf(SECTOR_LABELS, locale, s.sector),
      s.foundedOn ? new Date(`${s.foundedOn}T00:00:00Z`) : '',
      labelOf(STAGE_LABELS, locale, s.stage),
      s.teamSize,
      s.currentEnrollment?.programName ?? '',
      s.currentEnrollment?.cohortName ?? '',
      labelOf(ENROLLMENT_STATUS_LABELS, locale, s.currentEnrollment?.status),
      s.alumni ? yes : no,
      s.website ?? '',
    ]);
    return renderTable('Startups', HEADERS[locale], rows, format, locale);
  }
}
