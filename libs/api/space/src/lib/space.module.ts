import { Module } from '@nestjs/common';
import { AuditModule } from '@incubator/api/audit';
import { FloorService } from './floor.service';
import { LeaseService } from './lease.service';

@Module({ imports: [AuditModule], providers: [FloorService, LeaseService], exports: [FloorService, LeaseService] })
export class SpaceModule {}
