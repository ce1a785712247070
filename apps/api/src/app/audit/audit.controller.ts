import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import { Permission } from '@incubator/contracts';
import type { AuditEventResponse, PageResponse } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { Optional, PageQueryDto } from '../common/dto';

export class AuditQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, example: 'membership' })
  @Optional()
  @Matches(/^[a-z_]+$/, { message: '$property must be an entity type such as membership' })
  @MaxLength(64)
  entityType?: string;

  @ApiProperty({ required: false })
  @Optional()
  @IsString()
  @MaxLength(64)
  entityId?: string;
}

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Access(Permission.AuditRead)
  @ApiOperation({ summary: 'Who changed what, newest first, with before/after' })
  list(@CurrentCaller() caller: Caller, @Query() query: AuditQueryDto): Promise<PageResponse<AuditEventResponse>> {
    return this.audit.list(caller.organisationId, query);
  }
}
