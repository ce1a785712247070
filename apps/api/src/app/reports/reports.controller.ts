import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '@incubator/api/identity';
import { BoardDashboardCache, ReportErrors, ReportRunService, ScheduleService } from '@incubator/api/reports';
import { Permission, roleCan } from '@incubator/contracts';
import type { BoardQuarterResponse, ReportKind, ReportRunResponse, ScheduleResponse, TargetResponse } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { IdParam } from '../common/dto';
import { DownloadEvent } from '../common/download-event';
import { QuarterParam, ReportFileParams, ReportRunQueryDto, RequestReportRunDto, ScheduleKindParam, SetTargetDto, UpdateScheduleDto } from './reports.dto';
import { RateLimit } from '../common/rate-limit';

const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** Board members see board packs; occupancy and rent roll (one line per startup) are for the park's team. */
function visibleKinds(caller: Caller): ReportKind[] {
  return roleCan(caller.role, Permission.ReportsManage) ? ['board_pack', 'occupancy'] : ['board_pack'];
}

@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(
    private readonly runs: ReportRunService,
    private readonly dashboard: BoardDashboardCache,
    private readonly schedules: ScheduleService,
  ) {}

  @Get('board/quarters/:quarter')
  @RateLimit('board-quarter')
  @Access(Permission.ReportsRead)
  @ApiOperation({
    summary:
      'The board dashboard of a quarter: headline figures with changes and 8-quarter series, breakdowns, rounds, targets, space. ' +
      'Board members get the protected figures (small groups and whatever would give them back withheld); the park’s team every figure. ' +
      '404 before the organisation’s first data, 400 for a quarter not begun.',
  })
  quarter(@CurrentCaller() caller: Caller, @Param() params: QuarterParam): Promise<BoardQuarterResponse> {
    return this.dashboard.quarter(caller.organisationId, params.quarter, caller.role === 'board' ? 'board' : 'team');
  }

  @Get('report-runs')
  @Access(Permission.ReportsRead)
  @ApiOperation({ summary: 'Report runs, newest first, with their status, progress, error and files' })
  list(@CurrentCaller() caller: Caller, @Query() query: ReportRunQueryDto): Promise<ReportRunResponse[]> {
    const kinds = visibleKinds(caller).filter((k) => !query.kind || k === query.kind);
    return this.runs.list(caller.organisationId, kinds);
  }

  @Post('report-runs')
  @RateLimit('reports')
  @Access(Permission.ReportsRead)
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'The run (the same one when the period is already queued or running)' })
  @ApiOperation({ summary: 'Generate a report now (board members: board packs only); regenerate=true for a finished period (ReportsManage only)' })
  request(@CurrentCaller() caller: Caller, @Body() body: RequestReportRunDto): Promise<ReportRunResponse> {
    if (!visibleKinds(caller).includes(body.kind)) throw ReportErrors.team_only();
    // Regenerating produces the files again and e-mails every recipient again: the team's decision, not a board member's.
    if (body.regenerate && !roleCan(caller.role, Permission.ReportsManage)) throw ReportErrors.regenerate_team_only();
    return this.runs.request(caller.organisationId, { ...body, trigger: 'on_demand', requestedBy: caller.userId });
  }

  @Get('report-runs/:id')
  @Access(Permission.ReportsRead)
  @ApiOperation({ summary: 'One run: status, progress (%), error, files' })
  get(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<ReportRunResponse> {
    return this.runs.get(caller.organisationId, params.id, visibleKinds(caller));
  }

  @Get('report-runs/:id/files/:fileId')
  @Access(Permission.ReportsRead)
  @DownloadEvent('report.downloaded', 'report-file')
  @ApiOperation({ summary: 'Download a file of a run (PDF, XLSX or CSV)' })
  async file(@CurrentCaller() caller: Caller, @Param() params: ReportFileParams): Promise<StreamableFile> {
    const file = await this.runs.file(caller.organisationId, params.id, params.fileId, visibleKinds(caller));
    return new StreamableFile(file.content, { type: CONTENT_TYPES[file.format], disposition: `attachment; filename="${file.filename}"` });
  }

  @Get('schedules')
  @Access(Permission.SchedulesManage)
  @ApiOperation({ summary: 'The organisation’s schedules (cron in its time zone) and when each fires next' })
  listSchedules(@CurrentCaller() caller: Caller): Promise<ScheduleResponse[]> {
    return this.schedules.list(caller.organisationId);
  }

  @Patch('schedules/:kind')
  @Access(Permission.SchedulesManage)
  @ApiOperation({ summary: 'Enable, disable or re-time a schedule (the worker re-registers it)' })
  updateSchedule(@CurrentCaller() caller: Caller, @Param() params: ScheduleKindParam, @Body() body: UpdateScheduleDto): Promise<ScheduleResponse> {
    return this.schedules.update(caller, params.kind, body);
  }

  @Get('targets')
  @Access(Permission.ReportsRead)
  @ApiOperation({ summary: 'Yearly targets (jobs created, startups supported, funds raised)' })
  targets(@CurrentCaller() caller: Caller): Promise<TargetResponse[]> {
    return this.schedules.targets(caller.organisationId);
  }

  @Put('targets')
  @Access(Permission.SchedulesManage)
  @ApiOperation({ summary: 'Set a target: a year’s (jobs created, startups supported, funds raised) or a long-term one to reach by a year (total jobs, companies, funds)' })
  setTarget(@CurrentCaller() caller: Caller, @Body() body: SetTargetDto): Promise<TargetResponse[]> {
    return this.schedules.setTarget(caller, body);
  }
}
