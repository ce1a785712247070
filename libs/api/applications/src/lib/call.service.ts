import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import { isUniqueViolation } from '@incubator/api/sql';
import type {
  AssignmentResultResponse,
  CallResponse,
  CallReviewerResponse,
  CallStatus,
  CallSummaryResponse,
  CreateCallRequest,
  QuestionInput,
  ReviewerCandidateResponse,
  SetCallReviewersRequest,
  UpdateCallRequest,
} from '@incubator/contracts';
import { ApplicationErrors } from './application.errors';
import { ApplicationRepository } from './application.repository';
import { type CallFields, CallRepository, type StoredCall, toCallSummary } from './call.repository';
import { ReviewRepository } from './review.repository';
import { planAssignments } from './scoring';

const CHOICE_KINDS = new Set(['single_choice', 'multiple_choice']);

/** Calls for applications: their texts, dates, questions, criteria and reviewers; managers only. */
@Injectable()
export class CallService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calls: CallRepository,
    private readonly applications: ApplicationRepository,
    private readonly reviews: ReviewRepository,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, filter: { cohortId?: string; programId?: string; status?: CallStatus }): Promise<CallSummaryResponse[]> {
    return (await this.calls.list(caller.organisationId, filter)).map(toCallSummary);
  }

  async get(caller: Caller, id: string): Promise<CallResponse> {
    const call = await this.calls.find(caller.organisationId, id);
    if (!call) throw ApplicationErrors.call_not_found();
    return this.full(call);
  }

  async create(caller: Caller, request: CreateCallRequest): Promise<CallResponse> {
    const fields = checkFields(request);
    checkQuestions(request.questions);
    const id = await this.dataSource
      .transaction(async (manager) => {
        if (!(await this.calls.cohortExists(manager, caller.organisationId, request.cohortId))) throw ApplicationErrors.cohort_unknown();
        const id = await this.calls.insert(manager, caller.organisationId, request.cohortId, fields, caller.userId);
        await this.calls.replaceQuestions(manager, caller.organisationId, id, request.questions);
        await this.calls.replaceCriteria(manager, caller.organisationId, id, request.criteria);
        await this.audit.recordBy(manager, caller, { action: 'call.created', entityType: 'application_call', entityId: id, after: { ...request } });
        return id;
      })
      .catch(slugConflict);
    return this.get(caller, id);
  }

  async update(caller: Caller, id: string, change: UpdateCallRequest): Promise<CallResponse> {
    const before = await this.get(caller, id);
    const fields = checkFields({ ...before, ...change });
    if (change.questions) checkQuestions(change.questions);
    await this.dataSource
      .transaction(async (manager) => {
        if (!(await this.calls.lock(manager, caller.organisationId, id))) throw ApplicationErrors.call_not_found();
        if ((change.questions || change.criteria) && before.applicationCount > 0) throw ApplicationErrors.call_locked();
        await this.calls.update(manager, caller.organisationId, id, fields);
        if (change.questions) await this.calls.replaceQuestions(manager, caller.organisationId, id, change.questions);
        if (change.criteria) await this.calls.replaceCriteria(manager, caller.organisationId, id, change.criteria);
        await this.audit.recordBy(manager, caller, { action: 'call.updated', entityType: 'application_call', entityId: id, after: { ...change } });
      })
      .catch(slugConflict);
    return this.get(caller, id);
  }

  async remove(caller: Caller, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const call = await this.calls.find(caller.organisationId, id, manager);
      if (!call) throw ApplicationErrors.call_not_found();
      if (call.status !== 'draft' || call.applicationCount > 0) throw ApplicationErrors.call_not_deletable();
      await this.calls.delete(manager, caller.organisationId, id);
      await this.audit.recordBy(manager, caller, { action: 'call.deleted', entityType: 'application_call', entityId: id, before: { slug: call.slug } });
    });
  }

  async setStatus(caller: Caller, id: string, status: 'open' | 'closed'): Promise<CallResponse> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.calls.lock(manager, caller.organisationId, id))) throw ApplicationErrors.call_not_found();
      const call = await this.calls.find(caller.organisationId, id, manager);
      if (!call) throw ApplicationErrors.call_not_found();
      if (call.status === status) throw ApplicationErrors.call_status_refused({ status });
      if (status === 'open' && (await this.calls.criteria(id, manager)).length === 0) throw ApplicationErrors.criteria_required();
      await this.calls.setStatus(manager, caller.organisationId, id, status);
      await this.audit.recordBy(manager, caller, {
        action: status === 'open' ? 'call.opened' : 'call.closed',
        entityType: 'application_call',
        entityId: id,
        before: { status: call.status },
        after: { status },
      });
    });
    return this.get(caller, id);
  }

  async reviewers(caller: Caller, id: string): Promise<CallReviewerResponse[]> {
    await this.get(caller, id);
    return this.calls.reviewers(id);
  }

  candidates(caller: Caller): Promise<ReviewerCandidateResponse[]> {
    return this.calls.candidates(caller.organisationId);
  }

  async setReviewers(caller: Caller, id: string, request: SetCallReviewersRequest): Promise<CallReviewerResponse[]> {
    const call = await this.get(caller, id);
    const userIds = [...new Set(request.userIds)];
    const mode = request.assignmentMode ?? call.assignmentMode;
    const perApplication = request.reviewersPerApplication !== undefined ? request.reviewersPerApplication : call.reviewersPerApplication;
    if (mode === 'balanced' && !perApplication) throw ApplicationErrors.balanced_needs_count();
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.calls.lock(manager, caller.organisationId, id))) throw ApplicationErrors.call_not_found();
      if ((await this.calls.countReviewers(manager, caller.organisationId, userIds)) !== userIds.length) throw ApplicationErrors.reviewer_unknown();
      await this.calls.setReviewers(manager, caller.organisationId, id, userIds);
      await this.calls.update(manager, caller.organisationId, id, { ...checkFields(call), assignmentMode: mode, reviewersPerApplication: mode === 'balanced' ? perApplication : null });
      await this.audit.recordBy(manager, caller, {
        action: 'call.reviewers-set',
        entityType: 'application_call',
        entityId: id,
        after: { userIds, assignmentMode: mode, reviewersPerApplication: perApplication },
      });
    });
    return this.calls.reviewers(id);
  }

  /**
   * Assigns the call's reviewers to its submitted applications (and to those under review that lack
   * reviewers): every reviewer ('all'), or N per application, least-loaded first ('balanced'). A
   * reviewer who declared a conflict on an application is never assigned to it again.
   */
  async assign(caller: Caller, id: string): Promise<AssignmentResultResponse> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.calls.lock(manager, caller.organisationId, id))) throw ApplicationErrors.call_not_found();
      const call = await this.calls.find(caller.organisationId, id, manager);
      if (!call) throw ApplicationErrors.call_not_found();
      const reviewers = await this.calls.reviewerIds(manager, id);
      const open = (await this.applications.listForCall(caller.organisationId, id, {}, manager)).filter((a) => a.status === 'submitted' || a.status === 'in_review');
      const existing = await this.reviews.callAssignments(manager, id);
      const plan = planAssignments({
        mode: call.assignmentMode,
        perApplication: call.reviewersPerApplication,
        reviewers,
        applications: open.map((a) => {
          const rows = existing.filter((x) => x.applicationId === a.id);
          return { id: a.id, assigned: rows.map((x) => x.reviewerId), active: rows.filter((x) => !x.conflictDeclaredAt).length };
        }),
        load: await this.reviews.load(manager, id),
      });
      const created = await this.reviews.assign(manager, caller.organisationId, plan);
      const assignedIds = [...new Set([...plan.map((p) => p.applicationId), ...existing.filter((x) => !x.conflictDeclaredAt).map((x) => x.applicationId)])];
      const moved = await this.applications.startReview(manager, assignedIds);
      await this.audit.recordBy(manager, caller, { action: 'call.assigned', entityType: 'application_call', entityId: id, after: { created, moved } });
      return { created, applications: moved };
    });
  }

  private async full(call: StoredCall): Promise<CallResponse> {
    const [questions, criteria] = await Promise.all([this.calls.questions(call.id), this.calls.criteria(call.id)]);
    return {
      ...toCallSummary(call),
      description: call.description,
      questions,
      criteria,
      assignmentMode: call.assignmentMode,
      reviewersPerApplication: call.reviewersPerApplication,
      reviewerCount: call.reviewerCount,
      createdAt: call.createdAt,
    };
  }
}

function checkFields(input: Omit<CreateCallRequest, 'cohortId' | 'questions' | 'criteria'>): CallFields {
  if (input.closesOn < input.opensOn) throw ApplicationErrors.dates_invalid();
  if (input.assignmentMode === 'balanced' && !input.reviewersPerApplication) throw ApplicationErrors.balanced_needs_count();
  return {
    slug: input.slug,
    title: input.title,
    description: input.description,
    opensOn: input.opensOn,
    closesOn: input.closesOn,
    assignmentMode: input.assignmentMode,
    reviewersPerApplication: input.assignmentMode === 'balanced' ? input.reviewersPerApplication ?? null : null,
  };
}

/** Choice questions have 2–20 options with distinct values; eligibility values are among them. */
export function checkQuestions(questions: QuestionInput[]): void {
  questions.forEach((question, index) => {
    const position = index + 1;
    const options = question.options ?? [];
    if (CHOICE_KINDS.has(question.kind)) {
      if (options.length < 2 || options.length > 20) throw ApplicationErrors.question_invalid({ position, reason: 'options 2-20' });
      if (new Set(options.map((o) => o.value)).size !== options.length) throw ApplicationErrors.question_invalid({ position, reason: 'options values' });
    } else if (options.length > 0) {
      throw ApplicationErrors.question_invalid({ position, reason: 'options' });
    }
    const eligible = question.eligibleValues ?? [];
    if (question.eligibility && CHOICE_KINDS.has(question.kind)) {
      if (eligible.length === 0 || eligible.some((value) => !options.some((o) => o.value === value))) {
        throw ApplicationErrors.question_invalid({ position, reason: 'eligibleValues' });
      }
    } else if (eligible.length > 0) {
      throw ApplicationErrors.question_invalid({ position, reason: 'eligibleValues' });
    }
  });
}

function slugConflict(error: unknown): never {
  if (isUniqueViolation(error)) throw ApplicationErrors.slug_taken();
  throw error;
}
