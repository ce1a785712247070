import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ReviewService } from '@incubator/api/applications';
import type { Caller } from '@incubator/api/identity';
import { Permission } from '@incubator/contracts';
import type { ReviewApplicationResponse, ReviewAssignmentResponse } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { ApplicationIdParam, DeclareConflictDto, ReviewFileParams, SaveReviewDto } from './applications.dto';
import { pdfFile } from './pdf-file';

/** The reviewer's side: only the applications assigned to the caller; blind until their own review is submitted. */
@ApiTags('applications')
@Controller('reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewService) {}

  @Get()
  @Access(Permission.ApplicationsReview)
  @ApiOperation({ summary: 'The applications assigned to me (conflicts left out)' })
  list(@CurrentCaller() caller: Caller): Promise<ReviewAssignmentResponse[]> {
    return this.reviews.list(caller);
  }

  @Get(':applicationId')
  @Access(Permission.ApplicationsReview)
  @ApiOperation({ summary: 'An assigned application: answers, files, criteria, my review; the others’ reviews only once mine is submitted' })
  get(@CurrentCaller() caller: Caller, @Param() params: ApplicationIdParam): Promise<ReviewApplicationResponse> {
    return this.reviews.get(caller, params.applicationId);
  }

  @Get(':applicationId/files/:questionId')
  @Access(Permission.ApplicationsReview)
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'A file of an assigned application (PDF)' })
  async file(@CurrentCaller() caller: Caller, @Param() params: ReviewFileParams): Promise<StreamableFile> {
    return pdfFile(await this.reviews.file(caller, params.applicationId, params.questionId));
  }

  @Put(':applicationId')
  @Access(Permission.ApplicationsReview)
  @ApiOperation({ summary: 'Save my scores (1–5 per criterion) and comment as a draft' })
  save(@CurrentCaller() caller: Caller, @Param() params: ApplicationIdParam, @Body() body: SaveReviewDto): Promise<ReviewApplicationResponse> {
    return this.reviews.save(caller, params.applicationId, body, false);
  }

  @Post(':applicationId/submit')
  @Access(Permission.ApplicationsReview)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Submit my review for good (every criterion scored)' })
  submit(@CurrentCaller() caller: Caller, @Param() params: ApplicationIdParam, @Body() body: SaveReviewDto): Promise<ReviewApplicationResponse> {
    return this.reviews.save(caller, params.applicationId, body, true);
  }

  @Post(':applicationId/conflict')
  @Access(Permission.ApplicationsReview)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Declare a conflict of interest: takes me off the application' })
  conflict(@CurrentCaller() caller: Caller, @Param() params: ApplicationIdParam, @Body() body: DeclareConflictDto): Promise<void> {
    return this.reviews.declareConflict(caller, params.applicationId, body.reason ?? null);
  }
}
