import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import { type ReviewApplicationResponse, type ReviewAssignmentResponse, type SaveReviewRequest, SCORE_MAX, SCORE_MIN } from '@incubator/contracts';
import { APPLICATION_FILE_STORAGE, type ApplicationFileStorage } from './application-file-storage';
import { answeredQuestions, toReviewResponse } from './application-views';
import { ApplicationErrors } from './application.errors';
import { ApplicationRepository, type StoredApplication } from './application.repository';
import { CallRepository } from './call.repository';
import { ReviewRepository } from './review.repository';

const REVIEWABLE = new Set(['submitted', 'in_review', 'shortlisted', 'pitch']);

/**
 * The reviewer's side. A reviewer reaches only the applications assigned to them without a declared
 * conflict (anything else is a 404, as if it did not exist). Blind review: until their own review of
 * an application is submitted, no other reviewer's scores or comments of it are returned.
 */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calls: CallRepository,
    private readonly applications: ApplicationRepository,
    private readonly reviews: ReviewRepository,
    private readonly audit: AuditService,
    @Inject(APPLICATION_FILE_STORAGE) private readonly storage: ApplicationFileStorage,
  ) {}

  list(caller: Caller): Promise<ReviewAssignmentResponse[]> {
    return this.reviews.mine(caller.organisationId, caller.userId);
  }

  async get(caller: Caller, applicationId: string): Promise<ReviewApplicationResponse> {
    const application = await this.assigned(caller, applicationId);
    const call = await this.calls.find(caller.organisationId, application.callId);
    if (!call) throw ApplicationErrors.not_found();
    const [questions, criteria, files, reviews] = await Promise.all([
      this.calls.questions(call.id),
      this.calls.criteria(call.id),
      this.applications.files(application.id),
      this.reviews.reviews(application.id),
    ]);
    const mine = reviews.find((r) => r.reviewerId === caller.userId) ?? null;
    const submitted = !!mine?.submittedAt;
    return {
      applicationId: application.id,
      callId: call.id,
      callTitle: call.title,
      startupName: application.startupName,
      siren: application.siren,
      submittedAt: application.submittedAt ?? '',
      answers: answeredQuestions(questions, application, files),
      criteria,
      myReview: mine ? toReviewResponse(criteria, mine) : null,
      // BLIND: nothing of the others until my own review is submitted; then only their submitted ones.
      otherReviews: submitted ? reviews.filter((r) => r.reviewerId !== caller.userId && r.submittedAt).map((r) => toReviewResponse(criteria, r)) : null,
    };
  }

  async file(caller: Caller, applicationId: string, questionId: string): Promise<{ data: Buffer; fileName: string; contentType: string }> {
    const application = await this.assigned(caller, applicationId);
    const file = await this.applications.file(application.id, questionId);
    const data = file ? await this.storage.get(caller.organisationId, file.storageKey) : null;
    if (!file || !data) throw ApplicationErrors.file_not_found();
    return { data, fileName: file.fileName, contentType: file.contentType };
  }

  /** Saves (or, with `submit`, submits for good) the reviewer's scores and comment. Submitting needs every criterion scored. */
  async save(caller: Caller, applicationId: string, request: SaveReviewRequest, submit: boolean): Promise<ReviewApplicationResponse> {
    const application = await this.assigned(caller, applicationId);
    if (!REVIEWABLE.has(application.status)) throw ApplicationErrors.not_reviewable();
    const criteria = await this.calls.criteria(application.callId);
    const ids = new Set(criteria.map((c) => c.id));
    const seen = new Set<string>();
    for (const score of request.scores) {
      if (!ids.has(score.criterionId) || seen.has(score.criterionId) || !Number.isInteger(score.score) || score.score < SCORE_MIN || score.score > SCORE_MAX) {
        throw ApplicationErrors.score_invalid();
      }
      seen.add(score.criterionId);
    }
    if (submit && seen.size !== ids.size) throw ApplicationErrors.scores_incomplete();
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.applications.lock(manager, caller.organisationId, applicationId);
      if (!locked || !REVIEWABLE.has(locked.status)) throw ApplicationErrors.not_reviewable();
      if (!(await this.reviews.liveAssignment(caller.organisationId, applicationId, caller.userId, manager))) throw ApplicationErrors.not_found();
      const existing = await this.reviews.lockReview(manager, applicationId, caller.userId);
      if (existing?.submittedAt) throw ApplicationErrors.review_submitted();
      await this.reviews.save(manager, {
        organisationId: caller.organisationId,
        applicationId,
        reviewerId: caller.userId,
        comment: request.comment ?? null,
        scores: request.scores,
        submit,
      });
      if (submit) {
        await this.audit.recordBy(manager, caller, {
          action: 'application.review-submitted',
          entityType: 'application',
          entityId: applicationId,
          after: { scores: request.scores.length },
        });
      }
    });
    return this.get(caller, applicationId);
  }

  /** A conflict of interest takes the reviewer off the application for good (their review, if any, goes). */
  async declareConflict(caller: Caller, applicationId: string, reason: string | null): Promise<void> {
    await this.assigned(caller, applicationId);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.reviews.liveAssignment(caller.organisationId, applicationId, caller.userId, manager))) throw ApplicationErrors.not_found();
      await this.reviews.declareConflict(manager, applicationId, caller.userId, reason);
      await this.audit.recordBy(manager, caller, { action: 'application.conflict-declared', entityType: 'application', entityId: applicationId, after: { reason } });
    });
  }

  private async assigned(caller: Caller, applicationId: string): Promise<StoredApplication> {
    const application = await this.applications.find(caller.organisationId, applicationId);
    if (!application || application.status === 'draft') throw ApplicationErrors.not_found();
    if (!(await this.reviews.liveAssignment(caller.organisationId, applicationId, caller.userId))) throw ApplicationErrors.not_found();
    return application;
  }
}
