import { Module } from '@nestjs/common';
import { AuditModule } from '@incubator/api/audit';
import { FloorService } from './floor.service';
import { SpaceProcessor } from './jobs';
import { LeaseService } from './lease.service';
import { OccupancyService } from './occupancy.service';
import { SpaceExportService } from './space-export.service';
import { SpaceSnapshots } from './space-snapshot';
import { WaitlistTrigger } from './waitlist-trigger';
import { WaitlistService } from './waitlist.service';

const services = [FloorService, LeaseService, OccupancyService, SpaceExportService, SpaceSnapshots, WaitlistService, WaitlistTrigger];

/** Space for the api. Needs Config, Database and Queues in the app. */
@Module({ imports: [AuditModule], providers: services, exports: services })
export class SpaceModule {}

/** The worker side: waitlist matching and offer expiry. */
@Module({ imports: [SpaceModule], providers: [SpaceProcessor] })
export class SpaceJobsModule {}
