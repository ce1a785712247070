import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Caller } from '@incubator/api/identity';
import { importRefused, KpiAggregatesService, KpiErrors, KpiDefinitionService, KpiImportService, KpiReportService, renderKpiReports } from '@incubator/api/kpis';
import { StartupService } from '@incubator/api/startups';
import { Permission } from '@incubator/contracts';
import type { KpiAggregatesResponse, KpiDefinitionResponse, KpiImportResult, KpiReportResponse, LateKpiReport, PageResponse } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { IdParam } from '../common/dto';
import { DownloadEvent } from '../common/download-event';
import { exportFile, EXPORT_CONTENT_TYPES } from '../common/export-file';
import { exportLocale, requestLocale } from '../common/request-locale';
import {
  CreateKpiDefinitionDto,
  KpiAggregatesQueryDto,
  KpiExportQueryDto,
  KpiImportQueryDto,
  KpiReportQueryDto,
  LateQueryDto,
  ReturnKpiReportDto,
  SaveKpiReportDto,
  UpdateKpiReportDto,
} from './kpis.dto';
import { RateLimit } from '../common/rate-limit';

@ApiTags('kpis')
@Controller()
export class KpisController {
  constructor(
    private readonly definitions: KpiDefinitionService,
    private readonly reports: KpiReportService,
    private readonly aggregates: KpiAggregatesService,
    private readonly imports: KpiImportService,
    private readonly startups: StartupService,
  ) {}

  @Get('kpi-definitions')
  @Access('signed-in')
  @ApiOperation({ summary: 'The organisation’s KPIs: standard ones and the programs’ own' })
  listDefinitions(@CurrentCaller() caller: Caller): Promise<KpiDefinitionResponse[]> {
    return this.definitions.list(caller.organisationId);
  }

  @Post('kpi-definitions')
  @Access(Permission.KpisDefine)
  @ApiOperation({ summary: 'Define a KPI: FR/EN label, unit, aggregation, periodicity, required, sanity bounds (inclusive)' })
  createDefinition(@CurrentCaller() caller: Caller, @Body() body: CreateKpiDefinitionDto): Promise<KpiDefinitionResponse> {
    return this.definitions.create(caller, body);
  }

  @Get('kpi-aggregates')
  @Access(Permission.AggregatesRead)
  @ApiOperation({
    summary:
      'Ecosystem figures for a scope and a range [from, to). Board members: the organisation, one site, program or sector, of a whole ' +
      'quarter or year; no figure behind fewer than the organisation’s threshold of startups (3 by default), nor one that would give such a figure back',
  })
  aggregate(@CurrentCaller() caller: Caller, @Query() query: KpiAggregatesQueryDto): Promise<KpiAggregatesResponse> {
    return this.aggregates.aggregate(caller, query);
  }

  @Get('kpi-reports')
  @Access(Permission.KpisRead)
  @ApiOperation({ summary: 'KPI reports, newest period first (status=submitted: the validation queue, oldest first)' })
  list(@CurrentCaller() caller: Caller, @Query() query: KpiReportQueryDto): Promise<PageResponse<KpiReportResponse>> {
    return this.reports.list(caller, query);
  }

  @Get('kpi-reports/late')
  @Access(Permission.KpisValidate)
  @ApiOperation({ summary: 'Reports missing or not submitted after their due date for a period' })
  late(@CurrentCaller() caller: Caller, @Query() query: LateQueryDto): Promise<LateKpiReport[]> {
    return this.reports.late(caller, query.period);
  }

  @Get('kpi-reports/export')
  @RateLimit('exports')
  @Access(Permission.KpisValidate)
  @DownloadEvent('export.downloaded', 'kpi-reports')
  @ApiOperation({ summary: 'Reports of periods inside [from, to) as CSV or XLSX, in the import’s format' })
  @ApiProduces(EXPORT_CONTENT_TYPES.csv, EXPORT_CONTENT_TYPES.xlsx)
  async export(@CurrentCaller() caller: Caller, @Query() query: KpiExportQueryDto, @Headers('accept-language') acceptLanguage?: string): Promise<StreamableFile> {
    const [reports, definitions, startups] = await Promise.all([
      this.reports.listRange(caller, query.from, query.to),
      this.definitions.list(caller.organisationId),
      this.startups.listAll(caller, {}),
    ]);
    const sirens = new Map(startups.map((s) => [s.id, s.siren]));
    return exportFile(await renderKpiReports(reports, definitions, sirens, query.format, exportLocale(query.locale, acceptLanguage)), 'kpi-reports', query.format);
  }

  @Post('kpi-reports/import')
  @RateLimit('imports')
  @Access(Permission.KpisValidate)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Import historical KPIs from CSV (header startup,period,<keys…>; at most 2 MB). Dry run: check and report every bad line. ' +
      'Otherwise all lines are written as validated reports, or none (422 listing the bad lines).',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'startup,period,headcount,jobs_created,revenue\n732829320,2025-01,4,1,12000.00' } })
  async import(
    @CurrentCaller() caller: Caller,
    @Query() query: KpiImportQueryDto,
    @Body() body: unknown,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<KpiImportResult> {
    if (typeof body !== 'string') throw KpiErrors.csv_required();
    const result = await this.imports.import(caller, body, { dryRun: query.dryRun, locale: requestLocale(acceptLanguage) });
    if (result.errors.length && !query.dryRun) throw importRefused(result);
    return result;
  }

  @Get('kpi-reports/:id')
  @Access(Permission.KpisRead)
  @ApiOperation({ summary: 'One KPI report with its values and the funds raised in its period' })
  get(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<KpiReportResponse> {
    return this.reports.get(caller, params.id);
  }

  @Post('kpi-reports')
  @Access(Permission.KpisReport)
  @ApiOperation({ summary: 'Start a period’s report (draft, or submitted with submit=true); 409 when the period has one' })
  create(@CurrentCaller() caller: Caller, @Body() body: SaveKpiReportDto): Promise<KpiReportResponse> {
    return this.reports.create(caller, body);
  }

  @Patch('kpi-reports/:id')
  @Access(Permission.KpisReport)
  @ApiOperation({ summary: 'Change values (startups: while draft or returned; managers: any time, audited) and optionally submit' })
  update(@CurrentCaller() caller: Caller, @Param() params: IdParam, @Body() body: UpdateKpiReportDto): Promise<KpiReportResponse> {
    return this.reports.update(caller, params.id, body);
  }

  @Post('kpi-reports/:id/validate')
  @Access(Permission.KpisValidate)
  @HttpCode(200)
  @ApiOperation({ summary: 'Validate a submitted report' })
  validate(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<KpiReportResponse> {
    return this.reports.validate(caller, params.id);
  }

  @Post('kpi-reports/:id/return')
  @Access(Permission.KpisValidate)
  @HttpCode(200)
  @ApiOperation({ summary: 'Return a submitted report to its startup with a comment' })
  returnToStartup(@CurrentCaller() caller: Caller, @Param() params: IdParam, @Body() body: ReturnKpiReportDto): Promise<KpiReportResponse> {
    return this.reports.returnToStartup(caller, params.id, body.comment);
  }
}
