import { Module } from '@nestjs/common';
import { AuditModule } from '@incubator/api/audit';
import { BuildingRepository } from './building.repository';
import { FloorRepository } from './floor.repository';
import { FloorService } from './floor.service';
import { FloorSetupRepository } from './floor-setup.repository';
import { FloorSetupService } from './floor-setup.service';
import { SpaceProcessor } from './jobs';
import { LeaseRepository } from './lease.repository';
import { LeaseService } from './lease.service';
import { LeaseOfficeService } from './lease-office.service';
import { OccupancyRepository } from './occupancy.repository';
import { PriceListRepository } from './price-list.repository';
import { PriceListService } from './price-list.service';
import { OccupancyService } from './occupancy.service';
import { SpaceExportService } from './space-export.service';
import { SiteRepository } from './site.repository';
import { SiteService } from './site.service';
import { SpaceReferenceRepository } from './space-references.repository';
import { SpaceSnapshotRepository } from './space-snapshot.repository';
import { SpaceSnapshots } from './space-snapshot';
import { WaitlistRepository } from './waitlist.repository';
import { WaitlistTrigger } from './waitlist-trigger';
import { WaitlistService } from './waitlist.service';

const repositories = [BuildingRepository, FloorRepository, FloorSetupRepository, SiteRepository, LeaseRepository, OccupancyRepository, PriceListRepository, SpaceReferenceRepository, SpaceSnapshotRepository, WaitlistRepository];
const services = [FloorService, FloorSetupService, SiteService, LeaseService, LeaseOfficeService, OccupancyService, PriceListService, SpaceExportService, SpaceSnapshots, WaitlistService, WaitlistTrigger];

/** Space for the api. Needs Config, Database and Queues in the app. */
@Module({ imports: [AuditModule], providers: [...repositories, ...services], exports: services })
export class SpaceModule {}

/** The worker side: waitlist matching and offer expiry. */
@Module({ imports: [SpaceModule], providers: [SpaceProcessor] })
export class SpaceJobsModule {}
