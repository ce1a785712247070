import { downloadFile } from '../common/export-file';
import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '@incubator/api/identity';
import { FloorService, LeaseService, OccupancyService, SpaceExportService, WaitlistService } from '@incubator/api/space';
import { Permission } from '@incubator/contracts';
import type { BuildingResponse, FloorPlanResponse, FloorResponse, LeaseResponse, OccupancyResponse, ProposalResponse, RentRollResponse, WaitlistEntryResponse } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { IdParam } from '../common/dto';
import { DownloadEvent } from '../common/download-event';
import { exportLocale } from '../common/request-locale';
import {
  BuildingQueryDto,
  CreateBuildingDto,
  CreateFloorDto,
  CreateLeaseDto,
  CreateWaitlistDto,
  FloorQueryDto,
  LeaseQueryDto,
  OccupancyExportQueryDto,
  OccupancyQueryDto,
  PlanQueryDto,
  ProposalDto,
  RentRollExportQueryDto,
  RentRollQueryDto,
  ResizeLeaseDto,
  TerminateLeaseDto,
} from './space.dto';
import { RateLimit } from '../common/rate-limit';

@ApiTags('space')
@Controller()
export class SpaceController {
  constructor(
    private readonly floors: FloorService,
    private readonly leases: LeaseService,
    private readonly occupancy: OccupancyService,
    private readonly waitlist: WaitlistService,
    private readonly exports: SpaceExportService,
  ) {}

  @Get('space/occupancy/export')
  @RateLimit('exports')
  @Access(Permission.SpaceRead)
  @DownloadEvent('export.downloaded', 'occupancy')
  @ApiOperation({ summary: 'Occupancy on a day as CSV or XLSX' })
  async exportOccupancy(@CurrentCaller() caller: Caller, @Query() query: OccupancyExportQueryDto, @Headers('accept-language') language?: string): Promise<StreamableFile> {
    const report = await this.occupancy.occupancy(caller.organisationId, query.on, query.siteId);
    return downloadFile(await this.exports.occupancy(report, query.format, exportLocale(query.locale, language)), `occupancy-${query.on}`, query.format);
  }

  @Get('space/rent-roll/export')
  @RateLimit('exports')
  @Access(Permission.SpaceManage)
  @DownloadEvent('export.downloaded', 'rent-roll')
  @ApiOperation({ summary: 'The month’s rent roll as CSV or XLSX (euros with two decimals, from exact cents)' })
  async exportRentRoll(@CurrentCaller() caller: Caller, @Query() query: RentRollExportQueryDto, @Headers('accept-language') language?: string): Promise<StreamableFile> {
    const report = await this.occupancy.rentRoll(caller.organisationId, query.month);
    return downloadFile(await this.exports.rentRoll(report, query.format, exportLocale(query.locale, language)), `rent-roll-${query.month}`, query.format);
  }

  @Post('space/modules/:id/retire')
  @Access(Permission.SpaceManage)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Retire a module from the rentable space; its lease history stays (409 while leased)' })
  async retireModule(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<void> {
    await this.floors.retireModule(caller, params.id);
  }

  @Get('waitlist')
  @Access(Permission.SpaceRead)
  @ApiOperation({ summary: 'Office requests: waiting ones in priority order (program startups first, then request date), with their offers' })
  waitlistEntries(@CurrentCaller() caller: Caller): Promise<WaitlistEntryResponse[]> {
    return this.waitlist.list(caller.organisationId);
  }

  @Post('waitlist')
  @Access(Permission.SpaceManage)
  @ApiOperation({ summary: 'Queue an office request no floor can satisfy now; a job offers space when it frees up' })
  joinWaitlist(@CurrentCaller() caller: Caller, @Body() body: CreateWaitlistDto): Promise<WaitlistEntryResponse> {
    return this.waitlist.create(caller, body);
  }

  @Post('waitlist/:id/cancel')
  @Access(Permission.SpaceManage)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Take a waiting or offered request off the waitlist (409 once accepted, lapsed or cancelled); an open offer lapses' })
  cancelWaitlistRequest(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<WaitlistEntryResponse> {
    return this.waitlist.cancel(caller, params.id);
  }

  @Post('waitlist/:id/lease')
  @Access(Permission.SpaceManage)
  @ApiOperation({
    summary: 'Answer a waiting or offered request with a lease for its startup (the request becomes accepted, an open offer lapses; 409 once closed)',
  })
  fulfilWaitlistRequest(@CurrentCaller() caller: Caller, @Param() params: IdParam, @Body() body: CreateLeaseDto): Promise<LeaseResponse> {
    return this.waitlist.fulfil(caller, params.id, body);
  }

  @Post('waitlist/offers/:id/accept')
  @Access(Permission.SpaceManage)
  @ApiOperation({ summary: 'Confirm an open offer before its deadline: the offered modules become a lease' })
  acceptOffer(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<LeaseResponse> {
    return this.waitlist.accept(caller, params.id);
  }

  @Get('space/occupancy')
  @Access(Permission.SpaceRead)
  @ApiOperation({ summary: 'Leasable and leased m², occupancy rate, vacant modules and largest free block per floor on a day' })
  occupancyOn(@CurrentCaller() caller: Caller, @Query() query: OccupancyQueryDto): Promise<OccupancyResponse> {
    return this.occupancy.occupancy(caller.organisationId, query.on, query.siteId);
  }

  @Get('space/rent-roll')
  @Access(Permission.SpaceManage)
  @ApiOperation({ summary: 'Rent of every lease in a month, pro rata by day, in exact euro cents' })
  rentRoll(@CurrentCaller() caller: Caller, @Query() query: RentRollQueryDto): Promise<RentRollResponse> {
    return this.occupancy.rentRoll(caller.organisationId, query.month);
  }

  @Get('space/buildings')
  @Access(Permission.SpaceRead)
  @ApiOperation({ summary: 'Buildings of the organisation' })
  buildings(@CurrentCaller() caller: Caller, @Query() query: BuildingQueryDto): Promise<BuildingResponse[]> {
    return this.floors.buildings(caller.organisationId, query.siteId);
  }

  @Post('space/buildings')
  @Access(Permission.SpaceManage)
  createBuilding(@CurrentCaller() caller: Caller, @Body() body: CreateBuildingDto): Promise<BuildingResponse> {
    return this.floors.createBuilding(caller, body);
  }

  @Get('space/floors')
  @Access(Permission.SpaceRead)
  floorsList(@CurrentCaller() caller: Caller, @Query() query: FloorQueryDto): Promise<FloorResponse[]> {
    return this.floors.floors(caller.organisationId, query.buildingId);
  }

  @Post('space/floors')
  @Access(Permission.SpaceManage)
  @ApiOperation({ summary: 'Create a floor and its 24 m² modules from a layout of M and . characters' })
  createFloor(@CurrentCaller() caller: Caller, @Body() body: CreateFloorDto): Promise<FloorResponse> {
    return this.floors.createFloor(caller, body);
  }

  @Get('space/floors/:id/plan')
  @Access(Permission.SpaceRead)
  @ApiOperation({ summary: 'The floor’s modules and who leases each on a given day' })
  plan(@CurrentCaller() caller: Caller, @Param() params: IdParam, @Query() query: PlanQueryDto): Promise<FloorPlanResponse> {
    return this.floors.plan(caller.organisationId, params.id, query.on);
  }

  @Post('space/proposals')
  @Access(Permission.SpaceManage)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Ranked offices of contiguous free modules for an area (rounded up to 24 m²) and dates [startsOn, endsOn)' })
  propose(@CurrentCaller() caller: Caller, @Body() body: ProposalDto): Promise<ProposalResponse[]> {
    return this.leases.propose(caller, body);
  }

  @Get('leases')
  @Access(Permission.LeasesRead)
  @ApiOperation({ summary: 'Leases and their versions (a startup member: their own)' })
  listLeases(@CurrentCaller() caller: Caller, @Query() query: LeaseQueryDto): Promise<LeaseResponse[]> {
    return this.leases.list(caller, query.startupId);
  }

  @Post('leases')
  @Access(Permission.SpaceManage)
  @ApiOperation({ summary: 'Lease contiguous modules on one floor over [startsOn, endsOn)' })
  @ApiConflictResponse({ description: 'A module is already leased for overlapping dates; the conflicting lease is named' })
  createLease(@CurrentCaller() caller: Caller, @Body() body: CreateLeaseDto): Promise<LeaseResponse> {
    return this.leases.create(caller, body);
  }

  @Post('leases/:id/resize')
  @Access(Permission.SpaceManage)
  @ApiOperation({ summary: 'Grow or shrink by one module from a date: a new lease version; shrinking to nothing ends the lease' })
  resize(@CurrentCaller() caller: Caller, @Param() params: IdParam, @Body() body: ResizeLeaseDto): Promise<LeaseResponse> {
    return this.leases.resize(caller, params.id, body);
  }

  @Post('leases/:id/terminate')
  @Access(Permission.SpaceManage)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'End a lease early on a date (exclusive) with a reason; its modules are free from then and the waitlist is told' })
  terminate(@CurrentCaller() caller: Caller, @Param() params: IdParam, @Body() body: TerminateLeaseDto): Promise<LeaseResponse> {
    return this.leases.terminate(caller, params.id, body);
  }
}

