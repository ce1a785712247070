import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { PublicApplicationService } from '@incubator/api/applications';
import type {
  ApplicationDraftResponse,
  ApplicationFileResponse,
  DraftSessionResponse,
  PublicCallResponse,
  StartApplicationResponse,
} from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { RateLimit } from '../common/rate-limit';
import { requestLocale } from '../common/request-locale';
import { ExchangeMagicLinkDto, PublicCallParams, PublicCallQueryDto, QuestionIdParam, ResumeApplicationDto, SaveDraftDto, StartApplicationDto } from './applications.dto';

const SESSION = 'x-application-session';
const sessionHeader = ApiHeader({ name: 'X-Application-Session', description: 'The draft session from POST /public/applications/session', required: true });

/**
 * The public application, without an account. Starting, resuming and exchanging a link are
 * rate-limited per address like the sign-in and password reset; the draft routes need the draft
 * session (a hashed, two-hour token that only a single-use magic link gives).
 */
@ApiTags('applications (public)')
@Controller('public')
export class PublicApplicationsController {
  constructor(private readonly applications: PublicApplicationService) {}

  @Get('calls/:organisationSlug/:callSlug')
  @Access('public')
  @ApiOperation({ summary: 'A call’s form, in the caller’s language (?lang= or Accept-Language)' })
  call(@Param() params: PublicCallParams, @Query() query: PublicCallQueryDto, @Headers('accept-language') language?: string): Promise<PublicCallResponse> {
    return this.applications.publicCall(params.organisationSlug, params.callSlug, query.lang ?? requestLocale(language));
  }

  @Post('calls/:organisationSlug/:callSlug/applications')
  @RateLimit('password-reset')
  @Access('public')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Start an application: mails a single-use magic link (409 for the same e-mail or SIREN in the call)' })
  start(@Param() params: PublicCallParams, @Body() body: StartApplicationDto, @Headers('accept-language') language?: string): Promise<StartApplicationResponse> {
    return this.applications.start(params.organisationSlug, params.callSlug, body, requestLocale(language));
  }

  @Post('calls/:organisationSlug/:callSlug/resume')
  @RateLimit('password-reset')
  @Access('public')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Mail a new magic link to the draft of that e-mail, if any (same answer either way)' })
  async resume(@Param() params: PublicCallParams, @Body() body: ResumeApplicationDto, @Headers('accept-language') language?: string): Promise<{ sent: true }> {
    await this.applications.resume(params.organisationSlug, params.callSlug, body.email, body.locale ?? requestLocale(language));
    return { sent: true };
  }

  // POST with the token in the body: a token in the path would be written by the access logs.
  @Post('applications/session')
  @RateLimit('invitations')
  @Access('public')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange a magic link token (single use, 72 h) for a draft session (2 h)' })
  session(@Body() body: ExchangeMagicLinkDto): Promise<DraftSessionResponse> {
    return this.applications.exchange(body.token);
  }

  @Get('applications/draft')
  @Access('public')
  @sessionHeader
  @ApiOperation({ summary: 'My application (draft or submitted) with the form' })
  draft(@Headers(SESSION) session?: string): Promise<ApplicationDraftResponse> {
    return this.applications.draft(session);
  }

  @Put('applications/draft')
  @Access('public')
  @sessionHeader
  @ApiOperation({ summary: 'Save answers of the draft (each checked against its question)' })
  save(@Body() body: SaveDraftDto, @Headers(SESSION) session?: string): Promise<ApplicationDraftResponse> {
    return this.applications.save(session, body);
  }

  @Post('applications/draft/upload/:questionId')
  @Access('public')
  @sessionHeader
  @ApiConsumes('application/pdf')
  @ApiHeader({ name: 'X-File-Name', required: false, description: 'The file’s name (percent-encoded)' })
  @ApiOperation({ summary: 'Upload the PDF of a file question: raw body, Content-Type application/pdf, at most 10 MB (413), PDF only (415)' })
  upload(@Param() params: QuestionIdParam, @Req() request: Request, @Headers(SESSION) session?: string): Promise<ApplicationFileResponse> {
    const name = request.headers['x-file-name'];
    const body: unknown = request.is('application/pdf') ? request.body : undefined;
    return this.applications.upload(session, params.questionId, body, typeof name === 'string' ? name : undefined);
  }

  @Delete('applications/draft/upload/:questionId')
  @Access('public')
  @sessionHeader
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove the file of a question' })
  removeFile(@Param() params: QuestionIdParam, @Headers(SESSION) session?: string): Promise<void> {
    return this.applications.removeFile(session, params.questionId);
  }

  @Post('applications/draft/submit')
  @Access('public')
  @sessionHeader
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Submit the application (required answers, eligibility, call open); sends the confirmation e-mail' })
  submit(@Headers(SESSION) session?: string): Promise<ApplicationDraftResponse> {
    return this.applications.submit(session);
  }
}
