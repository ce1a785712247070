import { Module } from '@nestjs/common';
import { AuditModule } from '@incubator/api/audit';
import { CohortService } from './cohort.service';
import { EnrollmentService } from './enrollment.service';
import { MilestoneService } from './milestone.service';
import { ProgramService } from './program.service';

@Module({
  imports: [AuditModule],
  providers: [ProgramService, CohortService, EnrollmentService, MilestoneService],
  exports: [ProgramService, CohortService, EnrollmentService, MilestoneService],
})
export class ProgramsModule {}
