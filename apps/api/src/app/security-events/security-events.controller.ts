import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { SECURITY_EVENT_TYPES, SecurityEventLog } from '@incubator/api/audit';
import type { SecurityEventType } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import { Permission } from '@incubator/contracts';
import type { PageResponse, SecurityEventResponse } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { Optional, PageQueryDto } from '../common/dto';

export class SecurityEventQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, enum: SECURITY_EVENT_TYPES })
  @Optional()
  @IsIn(SECURITY_EVENT_TYPES)
  type?: SecurityEventType;
}

@ApiTags('audit')
@Controller('security-events')
export class SecurityEventsController {
  constructor(private readonly log: SecurityEventLog) {}

  @Get()
  @Access(Permission.SecurityEventsRead)
  @ApiOperation({ summary: 'The organisation’s security events, newest first: sign-ins, lockouts, MFA, sessions, role changes, exports, downloads' })
  list(@CurrentCaller() caller: Caller, @Query() query: SecurityEventQueryDto): Promise<PageResponse<SecurityEventResponse>> {
    return this.log.list(caller.organisationId, query);
  }
}
