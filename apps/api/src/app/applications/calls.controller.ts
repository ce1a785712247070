import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Param, Patch, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CallService, SelectionService } from '@incubator/api/applications';
import type { Caller } from '@incubator/api/identity';
import { Permission } from '@incubator/contracts';
import type {
  ApplicationSummaryResponse,
  AssignmentResultResponse,
  CallResponse,
  CallReviewerResponse,
  CallSummaryResponse,
  FunnelResponse,
  ReviewerCandidateResponse,
} from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { IdParam } from '../common/dto';
import { DownloadEvent } from '../common/download-event';
import { exportFile } from '../common/export-file';
import { RateLimit } from '../common/rate-limit';
import { exportLocale } from '../common/request-locale';
import { ApplicationExportQueryDto, ApplicationQueryDto, CallQueryDto, CohortIdParam, CreateCallDto, SetCallReviewersDto, UpdateCallDto } from './applications.dto';

/** Calls for applications (managers): texts, dates, questions, criteria, reviewers, the pipeline and the funnel. */
@ApiTags('applications')
@Controller()
export class CallsController {
  constructor(
    private readonly calls: CallService,
    private readonly selection: SelectionService,
  ) {}

  @Get('calls')
  @Access(Permission.ApplicationsManage)
  @ApiOperation({ summary: 'The organisation’s calls for applications, newest first' })
  list(@CurrentCaller() caller: Caller, @Query() query: CallQueryDto): Promise<CallSummaryResponse[]> {
    return this.calls.list(caller, query);
  }

  @Post('calls')
  @Access(Permission.ApplicationsManage)
  @ApiOperation({ summary: 'Create a call (draft) for a cohort: FR/EN texts, dates (organisation time zone, both inclusive), questions, weighted criteria' })
  create(@CurrentCaller() caller: Caller, @Body() body: CreateCallDto): Promise<CallResponse> {
    return this.calls.create(caller, body);
  }

  @Get('calls/:id')
  @Access(Permission.ApplicationsManage)
  @ApiOperation({ summary: 'A call with its questions and criteria' })
  get(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<CallResponse> {
    return this.calls.get(caller, params.id);
  }

  @Patch('calls/:id')
  @Access(Permission.ApplicationsManage)
  @ApiOperation({ summary: 'Change a call; questions and criteria are replaced whole, and only until the first application is submitted' })
  update(@CurrentCaller() caller: Caller, @Param() params: IdParam, @Body() body: UpdateCallDto): Promise<CallResponse> {
    return this.calls.update(caller, params.id, body);
  }

  @Delete('calls/:id')
  @Access(Permission.ApplicationsManage)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a draft call without applications' })
  remove(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<void> {
    return this.calls.remove(caller, params.id);
  }

  @Post('calls/:id/open')
  @Access(Permission.ApplicationsManage)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Open the call (it accepts applications between its dates)' })
  open(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<CallResponse> {
    return this.calls.setStatus(caller, params.id, 'open');
  }

  @Post('calls/:id/close')
  @Access(Permission.ApplicationsManage)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Close the call (no more applications)' })
  close(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<CallResponse> {
    return this.calls.setStatus(caller, params.id, 'closed');
  }

  @Get('calls/:id/reviewers')
  @Access(Permission.ApplicationsManage)
  @ApiOperation({ summary: 'The call’s reviewers and their workload' })
  reviewers(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<CallReviewerResponse[]> {
    return this.calls.reviewers(caller, params.id);
  }

  @Put('calls/:id/reviewers')
  @Access(Permission.ApplicationsManage)
  @ApiOperation({ summary: 'Set the call’s reviewers (members with the reviewer role) and how they are assigned' })
  setReviewers(@CurrentCaller() caller: Caller, @Param() params: IdParam, @Body() body: SetCallReviewersDto): Promise<CallReviewerResponse[]> {
    return this.calls.setReviewers(caller, params.id, body);
  }

  @Get('calls/:id/reviewer-candidates')
  @Access(Permission.ApplicationsManage)
  @ApiOperation({ summary: 'Active members with the reviewer role (invite more through /invitations with role reviewer)' })
  async candidates(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<ReviewerCandidateResponse[]> {
    await this.calls.get(caller, params.id);
    return this.calls.candidates(caller);
  }

  @Post('calls/:id/assign')
  @Access(Permission.ApplicationsManage)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Assign reviewers to the submitted applications (all, or N per application, balanced); moves them to in_review' })
  assign(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<AssignmentResultResponse> {
    return this.calls.assign(caller, params.id);
  }

  @Get('calls/:id/applications')
  @Access(Permission.ApplicationsManage)
  @ApiOperation({
    summary:
      'The pipeline: submitted applications with weighted average, spread (max − min of the reviewers’ weighted scores), ' +
      'disagreement flag (spread ≥ 2, or any criterion’s max − min ≥ 2), number of reviews and rank',
  })
  pipeline(@CurrentCaller() caller: Caller, @Param() params: IdParam, @Query() query: ApplicationQueryDto): Promise<ApplicationSummaryResponse[]> {
    return this.selection.pipeline(caller, params.id, query);
  }

  @Get('calls/:id/applications/export')
  @RateLimit('exports')
  @Access(Permission.ApplicationsManage)
  @DownloadEvent('export.downloaded', 'applications')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'The pipeline as CSV or XLSX, with the same filters' })
  async export(
    @CurrentCaller() caller: Caller,
    @Param() params: IdParam,
    @Query() query: ApplicationExportQueryDto,
    @Headers('accept-language') language?: string,
  ): Promise<StreamableFile> {
    const { format, locale, ...filters } = query;
    const file = await this.selection.export(caller, params.id, filters, format, exportLocale(locale, language));
    return exportFile(file.data, file.fileName, format);
  }

  @Get('calls/:id/funnel')
  @Access(Permission.ApplicationsManage)
  @ApiOperation({ summary: 'Funnel of the call: applications → reviewed → admitted → active → graduated' })
  funnel(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<FunnelResponse> {
    return this.selection.funnel(caller, { callId: params.id });
  }

  @Get('cohorts/:cohortId/application-funnel')
  @Access(Permission.ApplicationsManage)
  @ApiOperation({ summary: 'Funnel of every call of the cohort' })
  cohortFunnel(@CurrentCaller() caller: Caller, @Param() params: CohortIdParam): Promise<FunnelResponse> {
    return this.selection.funnel(caller, { cohortId: params.cohortId });
  }
}
