import { Module } from '@nestjs/common';
import { AuditModule } from '@incubator/api/audit';
import { IdentityModule } from '@incubator/api/identity';
import { StartupsModule } from '@incubator/api/startups';
import { CohortRepository } from './cohort.repository';
import { CohortService } from './cohort.service';
import { EnrollmentRepository } from './enrollment.repository';
import { EnrollmentService } from './enrollment.service';
import { MilestoneRepository } from './milestone.repository';
import { MilestoneService } from './milestone.service';
import { ProgramRepository } from './program.repository';
import { ProgramService } from './program.service';

@Module({
  imports: [AuditModule, IdentityModule, StartupsModule],
  providers: [ProgramRepository, CohortRepository, EnrollmentRepository, MilestoneRepository, ProgramService, CohortService, EnrollmentService, MilestoneService],
  exports: [ProgramRepository, CohortRepository, EnrollmentRepository, MilestoneRepository, ProgramService, CohortService, EnrollmentService, MilestoneService],
})
export class ProgramsModule {}
