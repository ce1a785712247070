import { Injectable } from '@nestjs/common';
import { renderTable } from '@incubator/api/sql';
import { labelOf, PROGRAM_KIND_LABELS } from '@incubator/contracts';
import type { Locale, OccupancyResponse, RentRollResponse } from '@incubator/contracts';

export type SpaceExportFormat = 'csv' | 'xlsx';

const OCCUPANCY_HEADERS: Record<Locale, string[]> = {
  fr: ['Site', 'Bâtiment', 'Étage', 'm² louables', 'm² loués', 'Taux', 'Modules vacants', 'Plus grand bloc libre (modules)'],
  en: ['Site', 'Building', 'Floor', 'Leasable m²', 'Leased m²', 'Rate', 'Vacant modules', 'Largest free block (modules)'],
};

const RENT_ROLL_HEADERS: Record<Locale, string[]> = {
  fr: ['Startup', 'Programme', 'm²', 'Prix €/m²/mois', 'Jours', 'Loyer €'],
  en: ['Startup', 'Program', 'm²', 'Price €/m²/month', 'Days', 'Rent €'],
};

/**
 * Occupancy and rent roll as CSV or XLSX. Money leaves as euros with exactly two decimals computed
 * from integer cents (never a float division): 26323 → "263.23".
 */
@Injectable()
export class SpaceExportService {
  occupancy(report: OccupancyResponse, format: SpaceExportFormat, locale: Locale): Promise<Buffer> {
    return this.render(
      locale === 'fr' ? 'Occupation' : 'Occupancy',
      OCCUPANCY_HEADERS[locale],
      report.floors.map((f) => [f.siteName, f.buildingName, f.floorName, f.leasableM2, f.leasedM2, f.occupancyRate, f.vacantModules, f.largestFreeBlockModules]),
      format,
      locale,
    );
  }

  rentRoll(report: RentRollResponse, format: SpaceExportFormat, locale: Locale): Promise<Buffer> {
    const rows: Array<Array<string | number>> = report.lines.map((l) => [l.startupName, labelOf(PROGRAM_KIND_LABELS, locale, l.programKind), l.areaM2, euros(l.monthlyPricePerM2Cents), l.days, euros(l.rentCents)]);
    rows.push([locale === 'fr' ? 'Total' : 'Total', '', '', '', '', euros(report.totalCents)]);
    return this.render(locale === 'fr' ? `Loyers ${report.month}` : `Rent roll ${report.month}`, RENT_ROLL_HEADERS[locale], rows, format, locale);
  }

  private render(sheetName: string, headers: string[], rows: Array<Array<string | number>>, format: SpaceExportFormat, locale: Locale): Promise<Buffer> {
    return renderTable(sheetName, headers, rows, format, locale);
  }
}

/** Integer cents to a decimal euro string with two digits. */
export function euros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
