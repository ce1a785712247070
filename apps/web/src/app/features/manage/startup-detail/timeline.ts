import { EnrollmentResponse, EnrollmentStatus, MilestoneResponse, MilestoneStatus } from '@incubator/contracts';

export type TimelineEntry =
  | {
      kind: 'enrollment';
      /** ISO instant of the move. */
      at: string;
      cohortName: string;
      programName: string;
      from: EnrollmentStatus | null;
      to: EnrollmentStatus;
      by: string | null;
      note: string | null;
    }
  | {
      kind: 'milestone';
      /** The due day, YYYY-MM-DD. */
      at: string;
      title: string;
      status: MilestoneStatus;
      overdue: boolean;
    };

/** A calendar day sorts at its start, UTC: before any move made that day. */
function time(entry: TimelineEntry): number {
  return Date.parse(entry.kind === 'milestone' ? `${entry.at}T00:00:00Z` : entry.at);
}

/**
 * A startup's story in date order: each move of its enrollments (applied, admitted…) and each milestone
 * at its due day. Oldest first, so that what is planned comes last.
 */
export function buildTimeline(
  enrollments: readonly EnrollmentResponse[],
  milestones: readonly MilestoneResponse[],
): TimelineEntry[] {
  const moves: TimelineEntry[] = enrollments.flatMap((enrollment) =>
    enrollment.history.map((entry) => ({
      kind: 'enrollment' as const,
      at: entry.at,
      cohortName: enrollment.cohortName,
      programName: enrollment.programName,
      from: entry.from,
      to: entry.to,
      by: entry.by,
      note: entry.note,
    })),
  );
  const goals: TimelineEntry[] = milestones.map((milestone) => ({
    kind: 'milestone' as const,
    at: milestone.dueOn,
    title: milestone.title,
    status: milestone.status,
    overdue: milestone.overdue,
  }));
  // Array.prototype.sort is stable: entries of the same time keep enrollments before milestones.
  return [...moves, ...goals].sort((a, b) => time(a) - time(b));
}
