import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsUUID } from 'class-validator';
import { MemberService } from '@incubator/api/identity';
import type { Caller } from '@incubator/api/identity';
import { Permission, ROLES } from '@incubator/contracts';
import type { MemberResponse, PageResponse, Role, UpdateMemberRequest } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { Clearable, Optional, SearchPageQueryDto, UserIdParam } from '../common/dto';

export class MemberQueryDto extends SearchPageQueryDto {
  @ApiProperty({ required: false, enum: ROLES })
  @Optional()
  @IsIn(ROLES)
  role?: Role;
}

export class UpdateMemberDto implements UpdateMemberRequest {
  @ApiProperty({ required: false, enum: ROLES })
  @Optional()
  @IsIn(ROLES)
  role?: Role;

  @ApiProperty({ required: false, nullable: true, format: 'uuid', description: 'Required when the role is startup' })
  @Clearable()
  @IsUUID('all', { message: '$property must be a UUID' })
  startupId?: string | null;

  @ApiProperty({ required: false })
  @Optional()
  @IsBoolean()
  isActive?: boolean;
}

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly members: MemberService) {}

  @Get()
  @Access(Permission.UsersRead)
  @ApiOperation({ summary: 'Members of the caller’s organisation' })
  list(@CurrentCaller() caller: Caller, @Query() query: MemberQueryDto): Promise<PageResponse<MemberResponse>> {
    return this.members.list(caller, query);
  }

  @Patch(':userId')
  @Access(Permission.UsersManage)
  @ApiOperation({ summary: 'Change a member’s role or startup, deactivate or reactivate (audited)' })
  @ApiNotFoundResponse({ description: 'No such member in this organisation' })
  @ApiConflictResponse({ description: 'The organisation would be left without an active admin' })
  update(@CurrentCaller() caller: Caller, @Param() params: UserIdParam, @Body() body: UpdateMemberDto): Promise<MemberResponse> {
    return this.members.update(caller, params.userId, body);
  }
}
