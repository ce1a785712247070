import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Heartbeat } from './heartbeat.entity';
import { HeartbeatService } from './heartbeat.service';
import { HeartbeatScheduler } from './jobs/heartbeat.scheduler';
import { SystemProcessor } from './jobs/heartbeat.processor';

/** Heartbeats for the API: enqueue and read. Needs QueuesModule and DatabaseModule in the app. */
@Module({
  imports: [TypeOrmModule.forFeature([Heartbeat])],
  providers: [HeartbeatService],
  exports: [HeartbeatService],
})
export class SystemModule {}

/** The worker side: the system queue's processor and its repeatable jobs. */
@Module({
  imports: [SystemModule],
  providers: [SystemProcessor, HeartbeatScheduler],
})
export class SystemJobsModule {}
