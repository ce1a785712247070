import { Module } from '@nestjs/common';
import { AuditModule } from '@incubator/api/audit';
import { FloorService } from './floor.service';
import { LeaseService } from './lease.service';
import { OccupancyService } from './occupancy.service';

@Module({ imports: [AuditModule], providers: [FloorService, LeaseService, OccupancyService], exports: [FloorService, LeaseService, OccupancyService] })
export class SpaceModule {}
