import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Queue } from 'bullmq';
import { JobQueues, QueueErrors } from '@incubator/api/queues';
import { Permission } from '@incubator/contracts';
import type { QueueCounts } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { QueueJobParams } from './reports.dto';

/**
 * The admin queue view: counts per queue, the latest failures with their reasons, and a retry. Our
 * own small page instead of a BullMQ dashboard package: it sits behind the API's bearer-token access
 * rules (a dashboard mounted as Express middleware would bypass them).
 *
 * The queues are the platform's, shared by every organisation: counts, job ids (report.<organisation>…)
 * and failure reasons name other organisations. So system:operate is the platform operator's alone
 * (not an organisation admin's): filtering per organisation would still leak the counts, and would
 * scan every kept job on each read.
 */
@ApiTags('system')
@Controller('admin/queues')
export class QueuesController {
  private readonly queues: Map<string, Queue>;

  constructor(queues: JobQueues) {
    this.queues = new Map(queues.all().map((q) => [q.name, q]));
  }

  @Get()
  @Access(Permission.SystemOperate)
  @ApiOperation({ summary: 'Every queue: waiting, active, delayed, completed, failed, and the last 20 failures' })
  async list(): Promise<QueueCounts[]> {
    return Promise.all(
      [...this.queues.values()].map(async (queue) => {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
        const failed = await queue.getFailed(0, 19);
        return {
          name: queue.name,
          waiting: counts['waiting'] ?? 0,
          active: counts['active'] ?? 0,
          delayed: counts['delayed'] ?? 0,
          completed: counts['completed'] ?? 0,
          failed: counts['failed'] ?? 0,
          paused: await queue.isPaused(),
          failedJobs: failed.map((job) => ({
            id: String(job.id),
            name: job.name,
            failedReason: job.failedReason,
            attemptsMade: job.attemptsMade,
            finishedOn: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
          })),
        };
      }),
    );
  }

  @Post(':name/jobs/:jobId/retry')
  @Access(Permission.SystemOperate)
  @HttpCode(204)
  @ApiOperation({ summary: 'Retry a failed job' })
  async retry(@Param() params: QueueJobParams): Promise<void> {
    const job = await this.queues.get(params.name)?.getJob(params.jobId);
    if (!job || !(await job.isFailed())) throw QueueErrors.failed_job_not_found();
    await job.retry();
  }
}
