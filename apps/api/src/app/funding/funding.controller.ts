import { Body, Controller, Get, Headers, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FundingRoundService, InvestorService, renderFundingRounds } from '@incubator/api/funding';
import type { Caller } from '@incubator/api/identity';
import { Permission } from '@incubator/contracts';
import type { FundingRoundResponse, InvestorResponse, PageResponse } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { IdParam } from '../common/dto';
import { DownloadEvent } from '../common/download-event';
import { exportFile, EXPORT_CONTENT_TYPES } from '../common/export-file';
import { exportLocale } from '../common/request-locale';
import { CreateFundingRoundDto, CreateInvestorDto, FundingRoundExportQueryDto, FundingRoundQueryDto, InvestorQueryDto, UpdateFundingRoundDto } from './funding.dto';
import { RateLimit } from '../common/rate-limit';

@ApiTags('funding')
@Controller()
export class FundingController {
  constructor(
    private readonly rounds: FundingRoundService,
    private readonly investors: InvestorService,
  ) {}

  @Get('investors')
  @Access(Permission.FundingRead)
  @ApiOperation({ summary: 'The organisation’s investor directory (funds, business angels, public banks, corporates)' })
  listInvestors(@CurrentCaller() caller: Caller, @Query() query: InvestorQueryDto): Promise<InvestorResponse[]> {
    return this.investors.list(caller, query.q);
  }

  @Post('investors')
  @Access(Permission.FundingWrite)
  @ApiOperation({ summary: 'Add an investor to the directory' })
  @ApiConflictResponse({ description: 'An investor of that name exists' })
  createInvestor(@CurrentCaller() caller: Caller, @Body() body: CreateInvestorDto): Promise<InvestorResponse> {
    return this.investors.create(caller, body);
  }

  @Get('funding-rounds')
  @Access(Permission.FundingRead)
  @ApiOperation({ summary: 'Funding rounds, newest first (a startup member: their own; valuations hidden from board members)' })
  list(@CurrentCaller() caller: Caller, @Query() query: FundingRoundQueryDto): Promise<PageResponse<FundingRoundResponse>> {
    return this.rounds.list(caller, query);
  }

  @Get('funding-rounds/export')
  @RateLimit('exports')
  @Access(Permission.FundingRead)
  @DownloadEvent('export.downloaded', 'funding-rounds')
  @ApiOperation({ summary: 'The same rounds, every page, as CSV or XLSX' })
  @ApiProduces(EXPORT_CONTENT_TYPES.csv, EXPORT_CONTENT_TYPES.xlsx)
  async export(@CurrentCaller() caller: Caller, @Query() query: FundingRoundExportQueryDto, @Headers('accept-language') acceptLanguage?: string): Promise<StreamableFile> {
    const rounds = await this.rounds.listAll(caller, query);
    return exportFile(await renderFundingRounds(rounds, query.format, exportLocale(query.locale, acceptLanguage)), 'funding-rounds', query.format);
  }

  @Get('funding-rounds/:id')
  @Access(Permission.FundingRead)
  @ApiOperation({ summary: 'One funding round' })
  get(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<FundingRoundResponse> {
    return this.rounds.get(caller, params.id);
  }

  @Post('funding-rounds')
  @Access(Permission.FundingWrite)
  @ApiOperation({ summary: 'Record a round: amount in its currency, EUR value from the rate at closing, investors and lead' })
  create(@CurrentCaller() caller: Caller, @Body() body: CreateFundingRoundDto): Promise<FundingRoundResponse> {
    const { startupId, ...round } = body;
    return this.rounds.create(caller, startupId, round);
  }

  @Patch('funding-rounds/:id')
  @Access(Permission.FundingWrite)
  @ApiOperation({ summary: 'Update a round (status, closing, amounts…; audited)' })
  update(@CurrentCaller() caller: Caller, @Param() params: IdParam, @Body() body: UpdateFundingRoundDto): Promise<FundingRoundResponse> {
    return this.rounds.update(caller, params.id, body);
  }
}
