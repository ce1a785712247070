import { BadRequestException, NotFoundException } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { organisationToday } from '@incubator/api/organisations';
import { bilingualError, quarterRange } from '@incubator/contracts';

/**
 * The quarters a board dashboard or pack may cover: from the one holding the organisation's first data
 * (its creation, first cohort, report, round or lease) to the current one. Anything else is refused at
 * once, rather than answered with ≈ 30 aggregation statements over nothing (and a cache entry each).
 */
export async function boardQuarterRange(db: DataSource | EntityManager, organisationId: string, quarter: string): Promise<{ from: string; to: string }> {
  const range = quarterRange(quarter);
  if (!range) throw new BadRequestException(bilingualError({ fr: 'Trimestre invalide.', en: 'Invalid quarter.' }, { quarter: { fr: 'format AAAA-Tn, ex. 2026-Q3', en: 'must be YYYY-Qn, e.g. 2026-Q3' } }));
  const today = await organisationToday(db, organisationId);
  if (range.from > today) {
    throw new BadRequestException(bilingualError({ fr: 'Trimestre futur.', en: 'Future quarter.' }, { quarter: { fr: 'le trimestre n’a pas commencé', en: 'the quarter has not started' } }));
  }
  const [{ first }] = await db.query(
    `SELECT to_char(least(
       (SELECT (created_at AT TIME ZONE time_zone)::date FROM organisations WHERE id = $1),
       (SELECT min(starts_on) FROM cohorts WHERE organisation_id = $1),
       (SELECT min(period_start) FROM kpi_reports WHERE organisation_id = $1),
       (SELECT min(closed_on) FROM funding_rounds WHERE organisation_id = $1),
       (SELECT min(starts_on) FROM leases WHERE organisation_id = $1)), 'YYYY-MM-DD') AS first`,
    [organisationId],
  );
  if (!first || range.to <= first) {
    throw new NotFoundException(bilingualError({ fr: `Aucune donnée avant le ${first ?? today}.`, en: `No data before ${first ?? today}.` }));
  }
  return range;
}
