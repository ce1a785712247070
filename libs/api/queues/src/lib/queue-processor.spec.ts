import type { ModuleRef } from '@nestjs/core';
import type { Job as BullJob } from 'bullmq';
import { QueueName } from '@incubator/contracts';
import { QueueProcessor } from './queue-processor';

class Reports extends QueueProcessor<typeof QueueName.Reports> {
  constructor() {
    super(QueueName.Reports, {} as ModuleRef, { jobs: [] });
  }
}

describe('QueueProcessor.onFailed', () => {
  it('never rejects (BullMQ does not await it, and an unhandled rejection would end the worker) when recording the failure fails too', async () => {
    const processor = new Reports();
    jest.spyOn(processor['registry'], 'failed').mockRejectedValue(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6432'), { code: 'ECONNREFUSED' }));
    const job = { id: 'report.x', name: 'reports.run', data: {}, attemptsMade: 1, opts: { attempts: 3 } } as unknown as BullJob;
    await expect(processor.onFailed(job, new Error('Connection terminated unexpectedly'))).resolves.toBeUndefined();
    expect(processor['registry'].failed).toHaveBeenCalledTimes(1);
  });
});
