import { APPLICATION_STATUSES, ApplicationStatus, ApplicationSummaryResponse, FunnelResponse } from '@incubator/contracts';

/** The board's columns: every status but the draft, which the applicant has not sent. */
export const PIPELINE_COLUMNS = APPLICATION_STATUSES.filter((s) => s !== 'draft') as Exclude<ApplicationStatus, 'draft'>[];

export function byStatus(
  rows: readonly ApplicationSummaryResponse[],
): { status: Exclude<ApplicationStatus, 'draft'>; rows: ApplicationSummaryResponse[] }[] {
  return PIPELINE_COLUMNS.map((status) => ({ status, rows: rows.filter((row) => row.status === status) }));
}

/** The funnel's steps with the percentage of the applications each keeps (null when there is none). */
export function funnelSteps(funnel: FunnelResponse): { key: keyof FunnelResponse; count: number; share: number | null }[] {
  const keys: (keyof FunnelResponse)[] = ['applications', 'reviewed', 'admitted', 'active', 'graduated'];
  return keys.map((key) => ({
    key,
    count: funnel[key],
    share: funnel.applications > 0 ? Math.round((funnel[key] / funnel.applications) * 100) : null,
  }));
}
