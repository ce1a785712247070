import { ReportKind, ReportRunResponse } from '@incubator/contracts';
import { isRunFinished } from '../../core/reports/run-polling';

/**
 * What asking for a period's report does, given the runs listed (newest first): a first generation,
 * following the run already under way, or a new generation of a finished period.
 */
export function periodAction(
  runs: readonly ReportRunResponse[] | null,
  kind: ReportKind,
  period: string,
): 'generate' | 'inProgress' | 'regenerate' {
  const latest = runs?.find((run) => run.kind === kind && run.period === period);
  if (!latest) {
    return 'generate';
  }
  return isRunFinished(latest) ? 'regenerate' : 'inProgress';
}
