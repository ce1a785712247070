import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { InvitationService } from '@incubator/api/identity';
import type { Caller } from '@incubator/api/identity';
import { Permission, ROLES, SUPPORTED_LOCALES } from '@incubator/contracts';
import type { InvitationResponse, InviteRequest, Locale, PageResponse, Role } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { EmailField, IdParam, Optional, PageQueryDto } from '../common/dto';
import { RateLimit } from '../common/rate-limit';

export class InviteDto implements InviteRequest {
  @EmailField()
  email!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ required: false, format: 'uuid', description: 'Required when the role is startup' })
  @Optional()
  @IsUUID('all', { message: '$property must be a UUID' })
  startupId?: string;

  @ApiProperty({ required: false, enum: SUPPORTED_LOCALES, description: 'Language of the email' })
  @Optional()
  @IsIn(SUPPORTED_LOCALES)
  locale?: Locale;
}

@ApiTags('users')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationService) {}

  @Get()
  @Access(Permission.UsersRead)
  @ApiOperation({ summary: 'Invitations of the organisation, pending first' })
  list(@CurrentCaller() caller: Caller, @Query() query: PageQueryDto): Promise<PageResponse<InvitationResponse>> {
    return this.invitations.list(caller, query.limit, query.offset);
  }

  @Post()
  @RateLimit('invitations')
  @Access(Permission.UsersManage)
  @ApiOperation({ summary: 'Invite someone by email with a role; the link is single-use and expires' })
  @ApiConflictResponse({ description: 'Already a member, or an invitation is pending' })
  invite(@CurrentCaller() caller: Caller, @Body() body: InviteDto): Promise<InvitationResponse> {
    return this.invitations.invite(caller, body);
  }

  @Delete(':id')
  @Access(Permission.UsersManage)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Withdraw a pending invitation' })
  async revoke(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<void> {
    await this.invitations.revoke(caller, params.id);
  }
}
