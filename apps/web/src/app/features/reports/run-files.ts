import { Locale, ReportFileResponse, ReportKind, ReportRunResponse } from '@incubator/contracts';
import { formatPeriod } from '../../core/kpis/kpi-periods';
import { formatQuarter } from '../../core/reports/quarters';

const FORMAT_ORDER = ['pdf', 'xlsx', 'csv'];

/** The files of a run, the user's language first, then by format (PDF, Excel, CSV). */
export function filesInOrder(files: readonly ReportFileResponse[], locale: Locale): ReportFileResponse[] {
  const rank = (file: ReportFileResponse) => (file.locale === locale ? 0 : file.locale === null ? 1 : 2);
  return [...files].sort(
    (a, b) => rank(a) - rank(b) || FORMAT_ORDER.indexOf(a.format) - FORMAT_ORDER.indexOf(b.format),
  );
}

/** The test ids' prefix of a kind: `pack-…` for board packs, `occupancy-…` for occupancy reports. */
export function runPrefix(kind: ReportKind): string {
  return kind === 'board_pack' ? 'pack' : 'occupancy';
}

export function fileTestId(run: ReportRunResponse, file: ReportFileResponse): string {
  return `${runPrefix(run.kind)}-download-${file.format}${file.locale ? `-${file.locale}` : ''}`;
}

/** "Q3 2026" for a board pack, "October 2026" for an occupancy report. */
export function formatRunPeriod(run: Pick<ReportRunResponse, 'kind' | 'period'>, locale: Locale): string {
  return run.kind === 'board_pack' ? formatQuarter(run.period, locale) : formatPeriod(run.period, locale);
}
