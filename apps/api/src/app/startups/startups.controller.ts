import { Body, Controller, Get, Headers, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Caller } from '@incubator/api/identity';
import { StartupExportService, StartupService } from '@incubator/api/startups';
import { Permission } from '@incubator/contracts';
import type { PageResponse, StartupResponse } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { IdParam } from '../common/dto';
import { DownloadEvent } from '../common/download-event';
import { exportLocale } from '../common/request-locale';
import { CreateStartupDto, StartupExportQueryDto, StartupQueryDto, UpdateStartupDto } from './startup.dto';
import { RateLimit } from '../common/rate-limit';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

@ApiTags('startups')
@Controller('startups')
export class StartupsController {
  constructor(
    private readonly startups: StartupService,
    private readonly exports: StartupExportService,
  ) {}

  @Get()
  @Access(Permission.StartupsRead)
  @ApiOperation({ summary: 'Startups: filter by site, program, cohort, enrollment status, sector, stage, text; sort; page' })
  list(@CurrentCaller() caller: Caller, @Query() query: StartupQueryDto): Promise<PageResponse<StartupResponse>> {
    return this.startups.list(caller, query);
  }

  @Get('export')
  @RateLimit('exports')
  @Access(Permission.StartupsRead)
  @DownloadEvent('export.downloaded', 'startups')
  @ApiOperation({ summary: 'The same list, every page, as CSV or XLSX (headers in the caller’s language)' })
  @ApiProduces(CONTENT_TYPES.csv, CONTENT_TYPES.xlsx)
  async export(
    @CurrentCaller() caller: Caller,
    @Query() query: StartupExportQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<StreamableFile> {
    const rows = await this.startups.listAll(caller, query);
    const file = await this.exports.render(rows, query.format, exportLocale(query.locale, acceptLanguage));
    return new StreamableFile(file, {
      type: CONTENT_TYPES[query.format],
      disposition: `attachment; filename="startups-${new Date().toISOString().slice(0, 10)}.${query.format}"`,
    });
  }

  @Get(':id')
  @Access(Permission.StartupsRead)
  @ApiOperation({ summary: 'A startup’s profile and current enrollment' })
  get(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<StartupResponse> {
    return this.startups.get(caller, params.id);
  }

  @Post()
  @Access(Permission.StartupsManage)
  @ApiOperation({ summary: 'Register a startup (SIREN required and checked for French ones)' })
  @ApiConflictResponse({ description: 'SIREN already registered' })
  create(@CurrentCaller() caller: Caller, @Body() body: CreateStartupDto): Promise<StartupResponse> {
    return this.startups.create(caller, body);
  }

  @Patch(':id')
  @Access(Permission.StartupsEdit)
  @ApiOperation({ summary: 'Edit a startup’s profile (a startup member: their own; audited)' })
  update(@CurrentCaller() caller: Caller, @Param() params: IdParam, @Body() body: UpdateStartupDto): Promise<StartupResponse> {
    return this.startups.update(caller, params.id, body);
  }
}
