import { Processor } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import { QueueProcessor } from '@incubator/api/queues';
import { QueueName } from '@incubator/contracts';
import { MailSendJob } from './mail-send.job';

/** The mail queue in the worker (its jobs are dropped from Redis once done: see QueuesModule). */
@Processor(QueueName.Mail)
export class MailProcessor extends QueueProcessor<typeof QueueName.Mail> {
  constructor(moduleRef: ModuleRef) {
    super(QueueName.Mail, moduleRef, { jobs: [MailSendJob] });
  }
}
