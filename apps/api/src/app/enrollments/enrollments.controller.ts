import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiProperty, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import type { Caller } from '@incubator/api/identity';
import { EnrollmentService } from '@incubator/api/programs';
import { ENROLLMENT_STATUSES, Permission } from '@incubator/contracts';
import type { CreateEnrollmentRequest, EnrollmentResponse, EnrollmentStatus, TransitionEnrollmentRequest } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { IdParam, Optional, TextField } from '../common/dto';

export class EnrollmentQueryDto {
  @ApiProperty({ required: false, format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: '$property must be a UUID' })
  cohortId?: string;

  @ApiProperty({ required: false, format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: '$property must be a UUID' })
  startupId?: string;
}

export class CreateEnrollmentDto implements CreateEnrollmentRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '$property must be a UUID' })
  cohortId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '$property must be a UUID' })
  startupId!: string;
}

export class TransitionEnrollmentDto implements TransitionEnrollmentRequest {
  @ApiProperty({ enum: ENROLLMENT_STATUSES })
  @IsIn(ENROLLMENT_STATUSES)
  status!: EnrollmentStatus;

  @Optional()
  @TextField(1000)
  note?: string;
}

@ApiTags('programs')
@Controller('enrollments')
export class EnrollmentsController {
  constructor(private readonly enrollments: EnrollmentService) {}

  @Get()
  @Access(Permission.StartupsRead)
  @ApiOperation({ summary: 'Enrollments with their status history (a startup member: their own)' })
  list(@CurrentCaller() caller: Caller, @Query() query: EnrollmentQueryDto): Promise<EnrollmentResponse[]> {
    return this.enrollments.list(caller, query);
  }

  @Post()
  @Access(Permission.StartupsManage)
  @ApiOperation({ summary: 'Enroll a startup in a cohort (status applied)' })
  @ApiConflictResponse({ description: 'Already enrolled in this cohort' })
  create(@CurrentCaller() caller: Caller, @Body() body: CreateEnrollmentDto): Promise<EnrollmentResponse> {
    return this.enrollments.create(caller, body);
  }

  @Post(':id/transitions')
  @Access(Permission.StartupsManage)
  @ApiOperation({ summary: 'Move an enrollment: applied → admitted → active → graduated, or withdrawn' })
  @ApiUnprocessableEntityResponse({ description: 'Transition not allowed from the current status' })
  @ApiConflictResponse({ description: 'The cohort is full' })
  transition(@CurrentCaller() caller: Caller, @Param() params: IdParam, @Body() body: TransitionEnrollmentDto): Promise<EnrollmentResponse> {
    return this.enrollments.transition(caller, params.id, body.status, body.note);
  }
}
