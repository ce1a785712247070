import { quarterRange } from '@incubator/contracts';
import type { BoardQuarterRepository } from './board-quarter.repository';
import { ReportErrors } from './report.errors';

/**
 * The quarters a board dashboard or pack may cover: from the one holding the organisation's first data
 * (its creation, first cohort, report, round or lease) to the current one. Anything else is refused at
 * once, rather than answered with ≈ 30 aggregation statements over nothing (and a cache entry each).
 * Returns the range with that first day (the dashboard needs it too).
 */
export async function boardQuarterRange(
  repository: Pick<BoardQuarterRepository, 'today' | 'firstDataDay'>,
  organisationId: string,
  quarter: string,
): Promise<{ from: string; to: string; first: string }> {
  const range = quarterRange(quarter);
  if (!range) throw ReportErrors.invalid_quarter();
  const [today, first] = await Promise.all([repository.today(organisationId), repository.firstDataDay(organisationId)]);
  if (range.from > today) throw ReportErrors.future_quarter();
  if (!first || range.to <= first) throw ReportErrors.no_data_before({ first: first ?? today });
  return { ...range, first };
}
