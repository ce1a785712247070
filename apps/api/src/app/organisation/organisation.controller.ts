import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '@incubator/api/identity';
import { OrganisationService } from '@incubator/api/organisations';
import { Permission } from '@incubator/contracts';
import type { OrganisationResponse } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';

@ApiTags('organisation')
@Controller('organisation')
export class OrganisationController {
  constructor(private readonly organisations: OrganisationService) {}

  @Get()
  @Access(Permission.OrganisationRead)
  @ApiOperation({ summary: 'The caller’s organisation and its sites' })
  get(@CurrentCaller() caller: Caller): Promise<OrganisationResponse> {
    return this.organisations.get(caller.organisationId);
  }
}
