import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SelectionService } from '@incubator/api/applications';
import type { Caller } from '@incubator/api/identity';
import { Permission } from '@incubator/contracts';
import type { ApplicationDetailResponse } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { IdParam } from '../common/dto';
import { ChangeApplicationStatusDto, DecideApplicationDto, FileParams } from './applications.dto';
import { pdfFile } from './pdf-file';

/** One application, for managers: answers, files, every review, status moves and the decision. */
@ApiTags('applications')
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly selection: SelectionService) {}

  @Get(':id')
  @Access(Permission.ApplicationsManage)
  @ApiOperation({ summary: 'An application with its answers, files, every review, per-criterion statistics and conflicts' })
  get(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<ApplicationDetailResponse> {
    return this.selection.detail(caller, params.id);
  }

  @Get(':id/files/:questionId')
  @Access(Permission.ApplicationsManage)
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'A file of the application (PDF)' })
  async file(@CurrentCaller() caller: Caller, @Param() params: FileParams): Promise<StreamableFile> {
    return pdfFile(await this.selection.file(caller, params.id, params.questionId));
  }

  @Post(':id/status')
  @Access(Permission.ApplicationsManage)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Move through the pipeline: submitted → in_review → shortlisted → pitch (with its date)' })
  status(@CurrentCaller() caller: Caller, @Param() params: IdParam, @Body() body: ChangeApplicationStatusDto): Promise<ApplicationDetailResponse> {
    return this.selection.changeStatus(caller, params.id, body);
  }

  @Post(':id/decision')
  @Access(Permission.ApplicationsManage)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Decide: admit (creates the startup if new, with the SIREN check, enrols it as admitted in the cohort, invites the founder), reject or waitlist; ' +
      'the decision e-mail goes once, in the applicant’s language',
  })
  decide(@CurrentCaller() caller: Caller, @Param() params: IdParam, @Body() body: DecideApplicationDto): Promise<ApplicationDetailResponse> {
    return this.selection.decide(caller, params.id, body);
  }
}
