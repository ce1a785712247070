import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsUrl, IsUUID, MaxLength } from 'class-validator';
import type { Caller } from '@incubator/api/identity';
import { MilestoneService } from '@incubator/api/programs';
import { MILESTONE_CATEGORIES, MILESTONE_STATUSES, Permission } from '@incubator/contracts';
import type {
  CreateMilestoneRequest,
  MilestoneCategory,
  MilestoneCommentRequest,
  MilestoneCommentResponse,
  MilestoneResponse,
  MilestoneStatus,
  UpdateMilestoneRequest,
} from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { DateField, Optional, TextField } from '../common/dto';

export class StartupIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '$property must be a UUID' })
  startupId!: string;
}

export class MilestoneParams extends StartupIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '$property must be a UUID' })
  milestoneId!: string;
}

class MilestoneFields {
  @Optional()
  @ApiProperty({ required: false, enum: MILESTONE_STATUSES })
  @IsIn(MILESTONE_STATUSES)
  status?: MilestoneStatus;

  @Optional()
  @TextField(4000)
  evidenceNote?: string;

  @ApiProperty({ required: false, format: 'uri' })
  @Optional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: '$property must be an http(s) link' })
  @MaxLength(500)
  evidenceUrl?: string;
}

export class CreateMilestoneDto extends MilestoneFields implements CreateMilestoneRequest {
  @TextField(200)
  title!: string;

  @ApiProperty({ enum: MILESTONE_CATEGORIES })
  @IsIn(MILESTONE_CATEGORIES)
  category!: MilestoneCategory;

  @DateField('Due date')
  dueOn!: string;
}

export class UpdateMilestoneDto extends MilestoneFields implements UpdateMilestoneRequest {
  @Optional()
  @TextField(200)
  title?: string;

  @ApiProperty({ required: false, enum: MILESTONE_CATEGORIES })
  @Optional()
  @IsIn(MILESTONE_CATEGORIES)
  category?: MilestoneCategory;

  @Optional()
  @DateField('Due date')
  dueOn?: string;
}

export class MilestoneCommentDto implements MilestoneCommentRequest {
  @TextField(4000)
  body!: string;
}

@ApiTags('milestones')
@Controller('startups/:startupId/milestones')
export class MilestonesController {
  constructor(private readonly milestones: MilestoneService) {}

  @Get()
  @Access(Permission.MilestonesRead)
  @ApiOperation({ summary: 'A startup’s milestones by due date, overdue ones flagged' })
  list(@CurrentCaller() caller: Caller, @Param() params: StartupIdParam): Promise<MilestoneResponse[]> {
    return this.milestones.list(caller, params.startupId);
  }

  @Post()
  @Access(Permission.MilestonesWrite)
  @ApiOperation({ summary: 'Add a milestone (a startup member: to their own startup)' })
  create(@CurrentCaller() caller: Caller, @Param() params: StartupIdParam, @Body() body: CreateMilestoneDto): Promise<MilestoneResponse> {
    return this.milestones.create(caller, params.startupId, body);
  }

  @Patch(':milestoneId')
  @Access(Permission.MilestonesWrite)
  @ApiOperation({ summary: 'Update a milestone: status, evidence, due date… (audited)' })
  update(@CurrentCaller() caller: Caller, @Param() params: MilestoneParams, @Body() body: UpdateMilestoneDto): Promise<MilestoneResponse> {
    return this.milestones.update(caller, params.startupId, params.milestoneId, body);
  }

  @Post(':milestoneId/comments')
  @Access(Permission.MilestonesReview)
  @ApiOperation({ summary: 'Review comment on a milestone' })
  comment(@CurrentCaller() caller: Caller, @Param() params: MilestoneParams, @Body() body: MilestoneCommentDto): Promise<MilestoneCommentResponse> {
    return this.milestones.comment(caller, params.startupId, params.milestoneId, body.body);
  }
}
