import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '@incubator/api/identity';
import { PriceListService } from '@incubator/api/space';
import { Permission } from '@incubator/contracts';
import type { PriceInForceResponse, SpacePriceResponse } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { CreateSpacePriceDto, PriceInForceQueryDto, PriceListQueryDto } from './price-list.dto';

/** Dated price lists per site × program kind (prices are managers' business: never the board's). */
@ApiTags('space')
@Controller('space/prices')
export class PriceListsController {
  constructor(private readonly prices: PriceListService) {}

  @Get()
  @Access(Permission.SpaceManage)
  @ApiOperation({ summary: 'The price lists with their history: by site, program kind, newest first' })
  list(@CurrentCaller() caller: Caller, @Query() query: PriceListQueryDto): Promise<SpacePriceResponse[]> {
    return this.prices.list(caller.organisationId, query.siteId);
  }

  @Get('in-force')
  @Access(Permission.SpaceManage)
  @ApiOperation({ summary: 'The list price in force on a day for a floor’s site and a program kind (what a new lease starting then takes)' })
  inForce(@CurrentCaller() caller: Caller, @Query() query: PriceInForceQueryDto): Promise<PriceInForceResponse> {
    return this.prices.inForce(caller.organisationId, query.floorId, query.programKind, query.on);
  }

  @Post()
  @Access(Permission.SpaceManage)
  @ApiOperation({ summary: 'Add a price in force from a date; earlier prices stay as history and stored leases keep their price' })
  @ApiConflictResponse({ description: 'The site already has a price for this kind from that date' })
  add(@CurrentCaller() caller: Caller, @Body() body: CreateSpacePriceDto): Promise<SpacePriceResponse> {
    return this.prices.add(caller, body);
  }
}
