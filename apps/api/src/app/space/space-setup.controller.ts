import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '@incubator/api/identity';
import { FloorSetupService, SiteService } from '@incubator/api/space';
import { Permission } from '@incubator/contracts';
import type { FloorGridResponse, FloorUpdateResponse, SetupBuildingResponse, SetupSiteResponse } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { IdParam } from '../common/dto';
import { CreateSiteDto, SetupArchivedQueryDto, SetupBuildingQueryDto, UpdateBuildingDto, UpdateFloorDto, UpdateSiteDto } from './space-setup.dto';

/** A park sets up its space: sites, buildings and floors, the floor plan painted on a grid. */
@ApiTags('space')
@Controller('space')
export class SpaceSetupController {
  constructor(
    private readonly sites: SiteService,
    private readonly floors: FloorSetupService,
  ) {}

  @Get('sites')
  @Access(Permission.SpaceRead)
  @ApiOperation({ summary: 'The organisation’s sites (archived ones with includeArchived=true)' })
  listSites(@CurrentCaller() caller: Caller, @Query() query: SetupArchivedQueryDto): Promise<SetupSiteResponse[]> {
    return this.sites.list(caller.organisationId, query.includeArchived);
  }

  @Post('sites')
  @Access(Permission.SpaceManage)
  @ApiConflictResponse({ description: 'The organisation already has a site of that name' })
  createSite(@CurrentCaller() caller: Caller, @Body() body: CreateSiteDto): Promise<SetupSiteResponse> {
    return this.sites.create(caller, body);
  }

  @Patch('sites/:id')
  @Access(Permission.SpaceManage)
  updateSite(@CurrentCaller() caller: Caller, @Param() params: IdParam, @Body() body: UpdateSiteDto): Promise<SetupSiteResponse> {
    return this.sites.update(caller, params.id, body);
  }

  @Post('sites/:id/archive')
  @Access(Permission.SpaceManage)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Archive a site: it leaves the lists; its leases, programs and prices keep pointing at it' })
  archiveSite(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<SetupSiteResponse> {
    return this.sites.setArchived(caller, params.id, true);
  }

  @Post('sites/:id/restore')
  @Access(Permission.SpaceManage)
  @HttpCode(HttpStatus.OK)
  restoreSite(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<SetupSiteResponse> {
    return this.sites.setArchived(caller, params.id, false);
  }

  @Get('setup/buildings')
  @Access(Permission.SpaceRead)
  @ApiOperation({ summary: 'Buildings with their archive date (archived ones with includeArchived=true)' })
  listBuildings(@CurrentCaller() caller: Caller, @Query() query: SetupBuildingQueryDto): Promise<SetupBuildingResponse[]> {
    return this.floors.buildings(caller.organisationId, query.siteId, query.includeArchived);
  }

  @Patch('buildings/:id')
  @Access(Permission.SpaceManage)
  renameBuilding(@CurrentCaller() caller: Caller, @Param() params: IdParam, @Body() body: UpdateBuildingDto): Promise<SetupBuildingResponse> {
    return this.floors.renameBuilding(caller, params.id, body);
  }

  @Post('buildings/:id/archive')
  @Access(Permission.SpaceManage)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Archive a building and its floors (409 while a module is leased from today on)' })
  archiveBuilding(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<SetupBuildingResponse> {
    return this.floors.archiveBuilding(caller, params.id);
  }

  @Get('floors/:id/grid')
  @Access(Permission.SpaceRead)
  @ApiOperation({ summary: 'The floor as the editor paints it: layout (M, ., #), zones, live modules and who holds them' })
  grid(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<FloorGridResponse> {
    return this.floors.grid(caller.organisationId, params.id);
  }

  @Put('floors/:id/grid')
  @Access(Permission.SpaceManage)
  @ApiOperation({ summary: 'Save the painted floor: new modules are added, unpainted ones retired (409 for a module leased from today on)' })
  saveGrid(@CurrentCaller() caller: Caller, @Param() params: IdParam, @Body() body: UpdateFloorDto): Promise<FloorUpdateResponse> {
    return this.floors.updateFloor(caller, params.id, body);
  }

  @Post('floors/:id/archive')
  @Access(Permission.SpaceManage)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Archive a floor: it leaves the lists and its modules are retired (409 while one is leased from today on)' })
  async archiveFloor(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<void> {
    await this.floors.archiveFloor(caller, params.id);
  }
}
