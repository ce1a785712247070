import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import { DomainError } from '@incubator/api/errors';
import { type Caller, InvitationService } from '@incubator/api/identity';
import { MailService } from '@incubator/api/mail';
import { EnrollmentService } from '@incubator/api/programs';
import { StartupService } from '@incubator/api/startups';
import { renderTable, type TableFormat } from '@incubator/api/sql';
import {
  APPLICATION_STATUS_LABELS,
  DECISION_LABELS,
  labelOf,
  type ApplicationDetailResponse,
  type ApplicationListQuery,
  type ApplicationSummaryResponse,
  canMoveApplication,
  type ChangeApplicationStatusRequest,
  type DecideApplicationRequest,
  type FunnelResponse,
  type Locale,
} from '@incubator/contracts';
import { decisionEmail } from './application-emails';
import { APPLICATION_FILE_STORAGE, type ApplicationFileStorage } from './application-file-storage';
import { answeredQuestions, scoresOf, toReviewResponse } from './application-views';
import { ApplicationErrors } from './application.errors';
import { ApplicationRepository, type StoredApplication } from './application.repository';
import { CallRepository, type StoredCall } from './call.repository';
import { ReviewRepository } from './review.repository';
import { aggregate, ranks } from './scoring';

/**
 * The managers' side of selection: the pipeline and ranking of a call, an application's file with
 * every review, status moves (submitted → in_review → shortlisted → pitch), decisions (admit, reject,
 * waitlist) with their e-mail, sent once per decision, and the funnel figures.
 */
@Injectable()
export class SelectionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calls: CallRepository,
    private readonly applications: ApplicationRepository,
    private readonly reviews: ReviewRepository,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly startups: StartupService,
    private readonly enrollments: EnrollmentService,
    private readonly invitations: InvitationService,
    @Inject(APPLICATION_FILE_STORAGE) private readonly storage: ApplicationFileStorage,
  ) {}

  /** The call's applications with their weighted average, spread, disagreement flag and rank. */
  async pipeline(caller: Caller, callId: string, query: ApplicationListQuery): Promise<ApplicationSummaryResponse[]> {
    const call = await this.call(caller, callId);
    const [applications, criteria, reviews, assigned, all] = await Promise.all([
      this.applications.listForCall(caller.organisationId, call.id, { status: query.status, q: query.q }),
      this.calls.criteria(call.id),
      this.reviews.submittedForCall(caller.organisationId, call.id),
      this.reviews.assignedCounts(caller.organisationId, call.id),
      query.status || query.q ? this.applications.listForCall(caller.organisationId, call.id, {}) : Promise.resolve(null),
    ]);
    const summarise = (application: StoredApplication) => {
      const own = reviews.filter((r) => r.applicationId === application.id).map(scoresOf);
      return { application, stats: aggregate(criteria, own), reviewCount: own.length };
    };
    // Ranks are over the whole call, whatever the filters.
    const everyone = (all ?? applications).map(summarise);
    const rankList = ranks(everyone.map((x) => x.stats.weightedAverage));
    const rankOf = new Map(everyone.map((s, i) => [s.application.id, rankList[i]]));
    let rows = applications.map(summarise).map(({ application, stats, reviewCount }) =>
      toSummary(application, stats, reviewCount, assigned.get(application.id) ?? 0, rankOf.get(application.id) ?? null),
    );
    if (query.disagreement !== undefined) rows = rows.filter((row) => row.disagreement === query.disagreement);
    if (query.sort !== 'submitted') rows.sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || byText(a.startupName, b.startupName));
    return rows;
  }

  async export(caller: Caller, callId: string, query: ApplicationListQuery, format: TableFormat, locale: Locale): Promise<{ data: Buffer; fileName: string }> {
    const call = await this.call(caller, callId);
    const rows = await this.pipeline(caller, callId, query);
    const headers =
      locale === 'fr'
        ? ['Rang', 'Startup', 'SIREN', 'E-mail', 'Statut', 'Décision', 'Déposée le', 'Pitch', 'Moyenne pondérée', 'Écart', 'Désaccord', 'Évaluations', 'Évaluateurs']
        : ['Rank', 'Startup', 'SIREN', 'E-mail', 'Status', 'Decision', 'Submitted', 'Pitch', 'Weighted average', 'Spread', 'Disagreement', 'Reviews', 'Reviewers'];
    const yes = locale === 'fr' ? 'oui' : 'yes';
    const no = locale === 'fr' ? 'non' : 'no';
    const data = await renderTable(
      locale === 'fr' ? 'Candidatures' : 'Applications',
      headers,
      rows.map((r) => [
        r.rank,
        r.startupName,
        r.siren,
        r.email,
        labelOf(APPLICATION_STATUS_LABELS, locale, r.status),
        labelOf(DECISION_LABELS, locale, r.decision),
        r.submittedAt ? new Date(r.submittedAt) : null,
        r.pitchAt ? new Date(r.pitchAt) : null,
        r.weightedAverage,
        r.spread,
        r.disagreement ? yes : no,
        r.reviewCount,
        r.assignedCount,
      ]),
      format,
      locale,
    );
    return { data, fileName: `applications-${call.slug}` };
  }

  async detail(caller: Caller, id: string): Promise<ApplicationDetailResponse> {
    const application = await this.application(caller, id);
    const call = await this.call(caller, application.callId);
    const [questions, criteria, files, reviews, assignments, ranking] = await Promise.all([
      this.calls.questions(call.id),
      this.calls.criteria(call.id),
      this.applications.files(application.id),
      this.reviews.reviews(application.id),
      this.reviews.assignments(application.id),
      this.pipeline(caller, call.id, {}),
    ]);
    const summary = ranking.find((row) => row.id === application.id);
    const submitted = reviews.filter((r) => r.submittedAt);
    const stats = aggregate(criteria, submitted.map(scoresOf));
    return {
      ...(summary ?? toSummary(application, stats, submitted.length, 0, null)),
      answers: answeredQuestions(questions, application, files),
      criteria,
      reviews: reviews.map((r) => toReviewResponse(criteria, r)),
      criterionStats: stats.perCriterion,
      conflicts: assignments
        .filter((a) => a.conflictDeclaredAt)
        .map((a) => ({ reviewerId: a.reviewerId, reviewerName: a.reviewerName, reason: a.conflictReason, declaredAt: a.conflictDeclaredAt ?? '' })),
      decidedAt: application.decidedAt,
      enrollmentId: application.enrollmentId,
    };
  }

  async file(caller: Caller, id: string, questionId: string): Promise<{ data: Buffer; fileName: string; contentType: string }> {
    const application = await this.application(caller, id);
    const file = await this.applications.file(application.id, questionId);
    const data = file ? await this.storage.get(caller.organisationId, file.storageKey) : null;
    if (!file || !data) throw ApplicationErrors.file_not_found();
    return { data, fileName: file.fileName, contentType: file.contentType };
  }

  async changeStatus(caller: Caller, id: string, request: ChangeApplicationStatusRequest): Promise<ApplicationDetailResponse> {
    if (request.status === 'pitch' && !request.pitchAt) throw ApplicationErrors.pitch_date_required();
    await this.dataSource.transaction(async (manager) => {
      const application = await this.applications.lock(manager, caller.organisationId, id);
      if (!application || application.status === 'draft') throw ApplicationErrors.not_found();
      if (!canMoveApplication(application.status, request.status)) throw ApplicationErrors.transition_refused({ from: application.status, to: request.status });
      const pitchAt = request.status === 'pitch' ? new Date(request.pitchAt ?? '').toISOString() : application.pitchAt;
      await this.applications.setStatus(manager, id, request.status, pitchAt);
      await this.audit.recordBy(manager, caller, {
        action: 'application.status-changed',
        entityType: 'application',
        entityId: id,
        before: { status: application.status },
        after: { status: request.status, pitchAt },
      });
    });
    return this.detail(caller, id);
  }

  /**
   * Decides. Admit: creates the startup if the application has none (the startups lib's service, with
   * its SIREN check; `useExistingStartup` enrols the startup already holding that SIREN instead), enrols
   * it in the call's cohort and moves the enrollment to `admitted` (the programs lib's service, with its
   * capacity check), then invites the founder to the startup portal. Each step is remembered on the
   * application, so a retry after a failure (a full cohort) goes on where it stopped. The decision
   * e-mail goes once per decision, in the applicant's language (deterministic job id). A waitlisted
   * application may be decided again (admitted or rejected); any other decision is final.
   */
  async decide(caller: Caller, id: string, request: DecideApplicationRequest): Promise<ApplicationDetailResponse> {
    const application = await this.application(caller, id);
    if (application.status === 'draft') throw ApplicationErrors.not_decidable();
    if (application.decision && application.decision !== 'waitlist') throw ApplicationErrors.already_decided();
    if (application.decision === request.decision) throw ApplicationErrors.already_decided();
    const call = await this.call(caller, application.callId);

    if (request.decision === 'admit') await this.admit(caller, application, call, request.useExistingStartup === true);

    await this.dataSource.transaction(async (manager) => {
      const locked = await this.applications.lock(manager, caller.organisationId, id);
      if (!locked) throw ApplicationErrors.not_found();
      if (locked.decision && (locked.decision !== 'waitlist' || locked.decision === request.decision)) throw ApplicationErrors.already_decided();
      await this.applications.decide(manager, id, request.decision, caller.userId);
      await this.audit.recordBy(manager, caller, {
        action: 'application.decided',
        entityType: 'application',
        entityId: id,
        before: { status: locked.status, decision: locked.decision },
        after: { decision: request.decision },
      });
    });

    await this.mail.send(
      decisionEmail({
        to: application.email,
        locale: application.locale,
        decision: request.decision,
        organisationName: call.organisationName,
        callTitle: call.title[application.locale],
        startupName: application.startupName,
      }),
      `application-decision:${application.id}:${request.decision}`,
    );
    return this.detail(caller, id);
  }

  async funnel(caller: Caller, scope: { callId?: string; cohortId?: string }): Promise<FunnelResponse> {
    if (scope.callId) await this.call(caller, scope.callId);
    if (scope.cohortId && !(await this.calls.cohortExists(this.dataSource, caller.organisationId, scope.cohortId))) throw ApplicationErrors.cohort_unknown();
    return this.applications.funnel(caller.organisationId, scope);
  }

  private async admit(caller: Caller, application: StoredApplication, call: StoredCall, useExisting: boolean): Promise<void> {
    let startupId = application.startupId;
    if (!startupId) {
      startupId = await this.startups
        .create(caller, {
          legalName: application.startupName,
          country: 'FR',
          ...(application.siren ? { siren: application.siren } : {}),
          sector: 'other',
          stage: 'idea',
          teamSize: 1,
        })
        .then((startup) => startup.id)
        .catch((error: unknown) => {
          const existing = error instanceof DomainError && error.code === 'startup.siren_taken' ? error.details['startupId'] : null;
          if (useExisting && typeof existing === 'string') return existing;
          throw error;
        });
      await this.dataSource.transaction((manager) => this.applications.linkStartup(manager, application.id, startupId, null));
    }
    let enrollmentId = application.enrollmentId;
    if (!enrollmentId) {
      const [existing] = await this.enrollments.list(caller, { cohortId: call.cohortId, startupId });
      const enrollment = existing ?? (await this.enrollments.create(caller, { cohortId: call.cohortId, startupId }));
      enrollmentId = enrollment.id;
      await this.dataSource.transaction((manager) => this.applications.linkStartup(manager, application.id, startupId, enrollment.id));
      if (enrollment.status === 'applied') await this.enrollments.transition(caller, enrollment.id, 'admitted', 'application admitted');
    } else {
      const [current] = (await this.enrollments.list(caller, { cohortId: call.cohortId, startupId })).filter((e) => e.id === enrollmentId);
      if (current?.status === 'applied') await this.enrollments.transition(caller, current.id, 'admitted', 'application admitted');
    }
    // The founder's way into the startup portal; someone already a member or invited is left as is.
    await this.invitations
      .invite(caller, { email: application.email, role: 'startup', startupId, locale: application.locale })
      .catch((error: unknown) => {
        if (error instanceof DomainError && (error.code === 'identity.already_member' || error.code === 'identity.invitation_pending')) return;
        throw error;
      });
  }

  private async call(caller: Caller, id: string): Promise<StoredCall> {
    const call = await this.calls.find(caller.organisationId, id);
    if (!call) throw ApplicationErrors.call_not_found();
    return call;
  }

  private async application(caller: Caller, id: string): Promise<StoredApplication> {
    const application = await this.applications.find(caller.organisationId, id);
    if (!application || application.status === 'draft') throw ApplicationErrors.not_found();
    return application;
  }
}

function toSummary(
  application: StoredApplication,
  stats: ReturnType<typeof aggregate>,
  reviewCount: number,
  assignedCount: number,
  rank: number | null,
): ApplicationSummaryResponse {
  return {
    id: application.id,
    callId: application.callId,
    startupName: application.startupName,
    siren: application.siren,
    email: application.email,
    locale: application.locale,
    status: application.status,
    decision: application.decision,
    submittedAt: application.submittedAt,
    pitchAt: application.pitchAt,
    weightedAverage: stats.weightedAverage,
    spread: stats.spread,
    disagreement: stats.disagreement,
    reviewCount,
    assignedCount,
    rank,
    startupId: application.startupId,
  };
}

function byText(a: string, b: string): number {
  return a.localeCompare(b);
}
