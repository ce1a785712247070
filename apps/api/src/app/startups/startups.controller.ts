import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '@incubator/api/identity';
import { StartupService } from '@incubator/api/startups';
import { Permission } from '@incubator/contracts';
import type { PageResponse, StartupSummary } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { SearchPageQueryDto } from '../common/dto';

@ApiTags('startups')
@Controller('startups')
export class StartupsController {
  constructor(private readonly startups: StartupService) {}

  @Get()
  @Access(Permission.OrganisationRead)
  @ApiOperation({ summary: 'Startups of the organisation (a startup member sees only their own)' })
  list(@CurrentCaller() caller: Caller, @Query() query: SearchPageQueryDto): Promise<PageResponse<StartupSummary>> {
    return this.startups.list(caller, query);
  }
}
