import { KpiReportResponse, MilestoneResponse } from '@incubator/contracts';
import { daysBetween, defaultReportPeriod, recentPeriods, reportDueOn } from '../../core/kpis/kpi-periods';

/** Milestones due within this many days are on the to-do list (overdue ones always are). */
export const MILESTONE_SOON_DAYS = 30;

export type TodoItem =
  | { kind: 'report'; period: string; dueOn: string; reportId: string | null; status: 'none' | 'draft' | 'returned'; daysLeft: number }
  | { kind: 'milestone'; milestone: MilestoneResponse; dueOn: string; daysLeft: number };

const OPEN_REPORT: ReadonlySet<string> = new Set(['draft', 'returned']);

/**
 * What a founder has to do next, soonest first: the last complete month's report until it is handed
 * in, every report started or handed back in the last year, and the milestones still open that are
 * overdue or due within MILESTONE_SOON_DAYS. Older months never started are left to the park team
 * (the startup may not have been in a program then).
 */
export function portalTodo(today: string, reports: readonly KpiReportResponse[], milestones: readonly MilestoneResponse[]): TodoItem[] {
  const items: TodoItem[] = [];
  const periods = recentPeriods(today);
  const current = defaultReportPeriod(today);
  for (const period of periods) {
    const report = reports.find((r) => r.period === period) ?? null;
    const open = report === null ? period === current : OPEN_REPORT.has(report.status);
    if (!open) {
      continue;
    }
    const dueOn = report?.dueOn ?? reportDueOn(period);
    items.push({
      kind: 'report',
      period,
      dueOn,
      reportId: report?.id ?? null,
      status: (report?.status as 'draft' | 'returned' | undefined) ?? 'none',
      daysLeft: daysBetween(today, dueOn),
    });
  }
  for (const milestone of milestones) {
    if (milestone.status === 'achieved' || milestone.status === 'missed') {
      continue;
    }
    const daysLeft = daysBetween(today, milestone.dueOn);
    if (daysLeft <= MILESTONE_SOON_DAYS) {
      items.push({ kind: 'milestone', milestone, dueOn: milestone.dueOn, daysLeft });
    }
  }
  return items.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}
