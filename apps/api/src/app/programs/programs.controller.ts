import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsUUID } from 'class-validator';
import type { Caller } from '@incubator/api/identity';
import { CohortService, ProgramService } from '@incubator/api/programs';
import { Permission, PROGRAM_KINDS } from '@incubator/contracts';
import type {
  CohortBoardResponse,
  CohortResponse,
  CreateCohortRequest,
  CreateProgramRequest,
  ProgramKind,
  ProgramResponse,
  UpdateCohortRequest,
  UpdateProgramRequest,
} from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { Clearable, DateField, EndsAfter, IdParam, IntField, Optional, TextField } from '../common/dto';

export class ArchivedQueryDto {
  @ApiProperty({ required: false, default: false, description: 'Also list archived ones' })
  @Optional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeArchived = false;
}

export class ProgramQueryDto extends ArchivedQueryDto {
  @ApiProperty({ required: false, format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: '$property must be a UUID' })
  siteId?: string;
}

export class UpdateProgramDto implements UpdateProgramRequest {
  @Optional()
  @TextField(120)
  name?: string;

  @Clearable()
  @TextField(2000)
  description?: string | null;
}

export class CreateProgramDto implements CreateProgramRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '$property must be a UUID' })
  siteId!: string;

  @ApiProperty({ enum: PROGRAM_KINDS })
  @IsIn(PROGRAM_KINDS)
  kind!: ProgramKind;

  @TextField(120)
  name!: string;

  @Optional()
  @TextField(2000)
  description?: string;
}

export class CohortQueryDto extends ArchivedQueryDto {
  @ApiProperty({ required: false, format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: '$property must be a UUID' })
  programId?: string;
}

export class CreateCohortDto implements CreateCohortRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '$property must be a UUID' })
  programId!: string;

  @TextField(120)
  name!: string;

  @DateField('First day of the cohort (inclusive)')
  startsOn!: string;

  @DateField('Day after the last day of the cohort (exclusive): the cohort runs over [startsOn, endsOn)')
  @EndsAfter('startsOn')
  endsOn!: string;

  @IntField(1, 1000, { coerce: true })
  capacity!: number;
}

export class UpdateCohortDto implements UpdateCohortRequest {
  @Optional()
  @TextField(120)
  name?: string;

  @Optional()
  @DateField('First day (inclusive)')
  startsOn?: string;

  @Optional()
  @DateField('Day after the last day (exclusive)')
  @EndsAfter('startsOn')
  endsOn?: string;

  @Optional()
  @IntField(1, 1000)
  capacity?: number;
}

@ApiTags('programs')
@Controller()
export class ProgramsController {
  constructor(
    private readonly programs: ProgramService,
    private readonly cohorts: CohortService,
  ) {}

  @Get('programs')
  @Access(Permission.OrganisationRead)
  @ApiOperation({ summary: 'Programs (incubator, accelerator, business centre) of the organisation’s sites' })
  listPrograms(@CurrentCaller() caller: Caller, @Query() query: ProgramQueryDto): Promise<ProgramResponse[]> {
    return this.programs.list(caller.organisationId, query.siteId, query.includeArchived);
  }

  @Post('programs')
  @Access(Permission.ProgramsManage)
  @ApiOperation({ summary: 'Create a program on a site' })
  @ApiConflictResponse({ description: 'Name already used on the site' })
  createProgram(@CurrentCaller() caller: Caller, @Body() body: CreateProgramDto): Promise<ProgramResponse> {
    return this.programs.create(caller, body);
  }

  @Patch('programs/:id')
  @Access(Permission.ProgramsManage)
  @ApiOperation({ summary: 'Rename or re-describe a program (its site and kind are fixed)' })
  @ApiConflictResponse({ description: 'Name already used on the site' })
  updateProgram(@CurrentCaller() caller: Caller, @Param() params: IdParam, @Body() body: UpdateProgramDto): Promise<ProgramResponse> {
    return this.programs.update(caller, params.id, body);
  }

  @Post('programs/:id/archive')
  @Access(Permission.ProgramsManage)
  @ApiOperation({ summary: 'Archive a program: it leaves the lists (see includeArchived), its cohorts and history stay' })
  archiveProgram(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<ProgramResponse> {
    return this.programs.setArchived(caller, params.id, true);
  }

  @Post('programs/:id/restore')
  @Access(Permission.ProgramsManage)
  @ApiOperation({ summary: 'Bring an archived program back into the lists' })
  restoreProgram(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<ProgramResponse> {
    return this.programs.setArchived(caller, params.id, false);
  }

  @Get('cohorts')
  @Access(Permission.OrganisationRead)
  @ApiOperation({ summary: 'Cohorts, newest first; dates are half-open [startsOn, endsOn)' })
  listCohorts(@CurrentCaller() caller: Caller, @Query() query: CohortQueryDto): Promise<CohortResponse[]> {
    return this.cohorts.list(caller.organisationId, query.programId, query.includeArchived);
  }

  @Post('cohorts')
  @Access(Permission.ProgramsManage)
  @ApiOperation({ summary: 'Create a cohort; it must end after it starts' })
  createCohort(@CurrentCaller() caller: Caller, @Body() body: CreateCohortDto): Promise<CohortResponse> {
    return this.cohorts.create(caller, body);
  }

  @Patch('cohorts/:id')
  @Access(Permission.ProgramsManage)
  @ApiOperation({ summary: 'Rename, move or resize a cohort (capacity never below the seats taken)' })
  updateCohort(@CurrentCaller() caller: Caller, @Param() params: IdParam, @Body() body: UpdateCohortDto): Promise<CohortResponse> {
    return this.cohorts.update(caller, params.id, body);
  }

  @Post('cohorts/:id/archive')
  @Access(Permission.ProgramsManage)
  @ApiOperation({ summary: 'Archive a cohort: it leaves the lists and takes no new application; enrollments and milestones stay' })
  archiveCohort(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<CohortResponse> {
    return this.cohorts.setArchived(caller, params.id, true);
  }

  @Post('cohorts/:id/restore')
  @Access(Permission.ProgramsManage)
  @ApiOperation({ summary: 'Bring an archived cohort back into the lists' })
  restoreCohort(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<CohortResponse> {
    return this.cohorts.setArchived(caller, params.id, false);
  }

  @Get('cohorts/:id/board')
  @Access(Permission.ProgramsMonitor)
  @ApiOperation({ summary: 'Milestone progress of every startup seated in the cohort' })
  board(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<CohortBoardResponse> {
    return this.cohorts.board(caller.organisationId, params.id);
  }
}
