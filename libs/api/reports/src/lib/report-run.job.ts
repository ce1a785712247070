import { Job, JobHandler } from '@incubator/api/queues';
import { ReportsJob } from '@incubator/contracts';
import type { ReportRunPayload } from '@incubator/contracts';
import { ReportRunner } from './report-runner';

/** Produces a report run's files and delivers them; a failed attempt is written on the run. */
@JobHandler(ReportsJob.Run)
export class ReportRunJob implements Job<typeof ReportsJob.Run> {
  constructor(private readonly runner: ReportRunner) {}

  handle({ runId }: ReportRunPayload): Promise<void> {
    return this.runner.run(runId);
  }

  failed({ runId }: ReportRunPayload, error: Error, final: boolean): Promise<void> {
    return this.runner.failed(runId, error, final);
  }
}
