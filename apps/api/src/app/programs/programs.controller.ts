import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import type { Caller } from '@incubator/api/identity';
import { CohortService, ProgramService } from '@incubator/api/programs';
import { Permission, PROGRAM_KINDS } from '@incubator/contracts';
import type { CohortBoardResponse, CohortResponse, CreateCohortRequest, CreateProgramRequest, ProgramKind, ProgramResponse, UpdateCohortRequest } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { DateField, EndsAfter, IdParam, IntField, Optional, TextField } from '../common/dto';

export class ProgramQueryDto {
  @ApiProperty({ required: false, format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: '$property must be a UUID' })
  siteId?: string;
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

export class CohortQueryDto {
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
    return this.programs.list(caller.organisationId, query.siteId);
  }

  @Post('programs')
  @Access(Permission.ProgramsManage)
  @ApiOperation({ summary: 'Create a program on a site' })
  @ApiConflictResponse({ description: 'Name already used on the site' })
  createProgram(@CurrentCaller() caller: Caller, @Body() body: CreateProgramDto): Promise<ProgramResponse> {
    return this.programs.create(caller, body);
  }

  @Get('cohorts')
  @Access(Permission.OrganisationRead)
  @ApiOperation({ summary: 'Cohorts, newest first; dates are half-open [startsOn, endsOn)' })
  listCohorts(@CurrentCaller() caller: Caller, @Query() query: CohortQueryDto): Promise<CohortResponse[]> {
    return this.cohorts.list(caller.organisationId, query.programId);
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

  @Get('cohorts/:id/board')
  @Access(Permission.ProgramsMonitor)
  @ApiOperation({ summary: 'Milestone progress of every startup seated in the cohort' })
  board(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<CohortBoardResponse> {
    return this.cohorts.board(caller.organisationId, params.id);
  }
}
