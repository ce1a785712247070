import { Module } from '@nestjs/common';
import { ConfigModule } from '@incubator/api/config';
import { DatabaseModule } from '@incubator/api/database';
import { QueuesModule } from '@incubator/api/queues';
import { SystemModule } from '@incubator/api/system';
import { HealthModule } from './health/health.module';
import { loggingModule } from './logging';
import { HeartbeatController } from './system/heartbeat.controller';

@Module({
  imports: [ConfigModule, loggingModule, DatabaseModule, QueuesModule, HealthModule, SystemModule],
  controllers: [HeartbeatController],
})
export class AppModule {}
