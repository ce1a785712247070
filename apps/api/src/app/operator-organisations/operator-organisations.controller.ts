import { Body, Controller, createParamDecorator, ExecutionContext, ForbiddenException, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InvitationService, isOperator, type OperatorCaller } from '@incubator/api/identity';
import { OperatorOrganisationService } from '@incubator/api/organisations';
import { Permission } from '@incubator/contracts';
import type { InvitationResponse, OperatorOrganisation } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import type { RequestWithCaller } from '../auth/access.guard';
import { IdParam } from '../common/dto';
import { CreateOrganisationDto, InviteOrganisationAdminDto } from '../organisation/organisation.dto';

/** The platform operator behind a system:operate route (only operators hold that permission). */
const CurrentOperator = createParamDecorator((_data: unknown, context: ExecutionContext): OperatorCaller => {
  const caller = context.switchToHttp().getRequest<RequestWithCaller>().caller;
  if (!caller || !isOperator(caller)) throw new ForbiddenException();
  return caller;
});

export interface CreatedOrganisation {
  organisation: OperatorOrganisation;
  invitation: InvitationResponse;
}

/** The platform operator's console: every organisation, its creation with its first admin's invitation, suspension. */
@ApiTags('operator')
@Access(Permission.SystemOperate)
@Controller('operator/organisations')
export class OperatorOrganisationsController {
  constructor(
    private readonly organisations: OperatorOrganisationService,
    private readonly invitations: InvitationService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every organisation, with its members and whether it is suspended' })
  list(): Promise<OperatorOrganisation[]> {
    return this.organisations.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One organisation' })
  get(@Param() { id }: IdParam): Promise<OperatorOrganisation> {
    return this.organisations.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create an organisation and invite its first admin by e-mail' })
  async create(@CurrentOperator() operator: OperatorCaller, @Body() body: CreateOrganisationDto): Promise<CreatedOrganisation> {
    const { adminEmail, ...request } = body;
    const created = await this.organisations.create(operator, request);
    const invitation = await this.invitations.inviteOnBehalf(operator, created.id, { email: adminEmail, role: 'admin', locale: body.defaultLocale });
    return { organisation: await this.organisations.get(created.id), invitation };
  }

  @Post(':id/invitations')
  @ApiOperation({ summary: 'Invite an admin into the organisation (again, or another one)' })
  async inviteAdmin(@CurrentOperator() operator: OperatorCaller, @Param() { id }: IdParam, @Body() body: InviteOrganisationAdminDto): Promise<InvitationResponse> {
    await this.organisations.get(id);
    return this.invitations.inviteOnBehalf(operator, id, { email: body.email, role: 'admin', locale: body.locale });
  }

  @Post(':id/suspend')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Suspend the organisation: its members can no longer sign in; its data is kept' })
  suspend(@CurrentOperator() operator: OperatorCaller, @Param() { id }: IdParam): Promise<OperatorOrganisation> {
    return this.organisations.suspend(operator, id);
  }

  @Post(':id/reactivate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reactivate a suspended organisation' })
  reactivate(@CurrentOperator() operator: OperatorCaller, @Param() { id }: IdParam): Promise<OperatorOrganisation> {
    return this.organisations.reactivate(operator, id);
  }
}
