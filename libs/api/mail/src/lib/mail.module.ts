import { Module } from '@nestjs/common';
import { MailProcessor } from './mail.processor';
import { MailService } from './mail.service';
import { MailTransport } from './mail-transport';

/** For the api: queue emails. Needs QueuesModule in the app. */
@Module({ providers: [MailService], exports: [MailService] })
export class MailModule {}

/** For the worker: send them. */
@Module({ providers: [MailTransport, MailProcessor] })
export class MailJobsModule {}
