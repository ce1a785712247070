import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '@incubator/api/identity';
import { LeaseOfficeService } from '@incubator/api/space';
import { Permission } from '@incubator/contracts';
import type { LeaseOfficeResponse } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { IdParam } from '../common/dto';

@ApiTags('space')
@Controller()
export class LeaseOfficeController {
  constructor(private readonly offices: LeaseOfficeService) {}

  @Get('leases/:id/office')
  @Access(Permission.LeasesRead)
  @ApiOperation({ summary: 'A lease’s building, floor and floor plan with its own modules marked, other tenants unnamed (a startup member: their own leases)' })
  office(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<LeaseOfficeResponse> {
    return this.offices.office(caller, params.id);
  }
}
