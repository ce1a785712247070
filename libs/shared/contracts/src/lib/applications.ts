/**
 * Calls for applications and selection (issue 19): calls per program/cohort, the public application
 * form with a magic-link draft, blind reviewer scoring, ranking and decisions.
 *
 * ROUTES (all under /api; "manage" = applications:manage (managers, admins), "review" = applications:review
 * (reviewers, admins — a reviewer sees only the applications assigned to them), "public" = no account,
 * rate-limited like the login; "draft" = public + the header `X-Application-Session: <draftSession>`):
 *
 *  Calls (manage)
 *   GET    /calls?cohortId=&programId=&status=          CallSummaryResponse[]
 *   POST   /calls                                        CreateCallRequest → CallResponse (status 'draft')
 *   GET    /calls/:id                                    CallResponse
 *   PATCH  /calls/:id                                    UpdateCallRequest → CallResponse (questions/criteria are
 *                                                        replaced whole; refused once an application is submitted)
 *   DELETE /calls/:id                                    204 (a draft call without applications only)
 *   POST   /calls/:id/open                               CallResponse (status 'open'; needs ≥ 1 criterion)
 *   POST   /calls/:id/close                              CallResponse (status 'closed')
 *   PUT    /calls/:id/reviewers                          SetCallReviewersRequest → CallReviewerResponse[]
 *   GET    /calls/:id/reviewers                          CallReviewerResponse[]
 *   GET    /calls/:id/reviewer-candidates                ReviewerCandidateResponse[] (active members with role reviewer)
 *   POST   /calls/:id/assign                             AssignmentResultResponse (assigns submitted applications
 *                                                        that have none yet, per the call's mode; moves them to in_review)
 *   GET    /calls/:id/applications?status=&q=&disagreement=&sort=rank|submitted   ApplicationSummaryResponse[] (pipeline)
 *   GET    /calls/:id/applications/export?format=csv|xlsx&status=&q=  file download (CSV or XLSX)
 *   GET    /calls/:id/funnel                             FunnelResponse
 *   GET    /cohorts/:cohortId/application-funnel         FunnelResponse (every call of the cohort together)
 *
 *  Applications (manage)
 *   GET    /applications/:id                             ApplicationDetailResponse (answers, files, every review)
 *   GET    /applications/:id/files/:questionId           the PDF (application/pdf)
 *   POST   /applications/:id/status                      ChangeApplicationStatusRequest → ApplicationDetailResponse
 *   POST   /applications/:id/decision                    DecideApplicationRequest → ApplicationDetailResponse
 *
 *  Reviews (review)
 *   GET    /reviews                                      ReviewAssignmentResponse[] (assigned to me, no conflict)
 *   GET    /reviews/:applicationId                       ReviewApplicationResponse (BLIND: otherReviews is null
 *                                                        until my own review is submitted)
 *   GET    /reviews/:applicationId/files/:questionId     the PDF
 *   PUT    /reviews/:applicationId                       SaveReviewRequest → ReviewApplicationResponse (draft)
 *   POST   /reviews/:applicationId/submit                SaveReviewRequest → ReviewApplicationResponse (every
 *                                                        criterion scored; final)
 *   POST   /reviews/:applicationId/conflict              DeclareConflictRequest → 204 (removes me from it)
 *
 *  Public (no account)
 *   GET    /public/calls/:organisationSlug/:callSlug     PublicCallResponse (texts in Accept-Language, ?lang=fr|en wins)
 *   POST   /public/calls/:organisationSlug/:callSlug/applications  StartApplicationRequest → 202 StartApplicationResponse
 *                                                        (mails a magic link; 409 application.duplicate_email /
 *                                                        application.duplicate_siren; 409 application.call_not_open)
 *   POST   /public/calls/:organisationSlug/:callSlug/resume  ResumeApplicationRequest → 202 (mails a new link to the
 *                                                        draft of that e-mail if one exists; same answer either way)
 *   POST   /public/applications/session                  ExchangeMagicLinkRequest → DraftSessionResponse (the magic
 *                                                        link token is single-use and expires after 72 h; the draft
 *                                                        session lasts 2 h)
 *   GET    /public/applications/draft                    (draft) ApplicationDraftResponse
 *   PUT    /public/applications/draft                    (draft) SaveDraftRequest → ApplicationDraftResponse
 *   POST   /public/applications/draft/upload/:questionId (draft) raw body, Content-Type: application/pdf,
 *                                                        header X-File-Name (optional) → ApplicationFileResponse
 *                                                        (413 above 10 MB, 415 when not a PDF (magic bytes %PDF-))
 *   DELETE /public/applications/draft/upload/:questionId (draft) 204
 *   POST   /public/applications/draft/submit             (draft) ApplicationDraftResponse (status 'submitted';
 *                                                        confirmation mail in the applicant's language)
 *
 * Magic link in the e-mail: `${WEB_URL}/apply/resume#token=<token>` (the web page posts it to /public/applications/session).
 * Dates: opensOn and closesOn are calendar dates in the organisation's time zone; the call accepts applications
 * from opensOn 00:00 (inclusive) until closesOn 24:00 (inclusive of closesOn, i.e. exclusive of the next day),
 * and only while its status is 'open'.
 */
import type { Locale } from './locale';

export const CALL_STATUSES = ['draft', 'open', 'closed'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const QUESTION_KINDS = ['short_text', 'long_text', 'single_choice', 'multiple_choice', 'number', 'file'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** At most 10 MB per uploaded file; PDF only. */
export const APPLICATION_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const APPLICATION_FILE_TYPE = 'application/pdf';
/** Header carrying the draft session of an applicant (not Authorization, which is the member's). */
export const APPLICATION_SESSION_HEADER = 'X-Application-Session';

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
export const WEIGHT_MIN = 1;
export const WEIGHT_MAX = 5;
/** A disagreement is flagged when max − min of the reviewers' weighted scores, or of any one criterion, is at least this. */
export const DISAGREEMENT_SPREAD = 2;

export const APPLICATION_STATUSES = ['draft', 'submitted', 'in_review', 'shortlisted', 'pitch', 'decided'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Moves a manager may make with POST /applications/:id/status (decided only through /decision). */
export const APPLICATION_TRANSITIONS: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  draft: [],
  submitted: ['in_review', 'shortlisted'],
  in_review: ['shortlisted', 'submitted'],
  shortlisted: ['pitch', 'in_review'],
  pitch: ['shortlisted'],
  decided: [],
};

export function canMoveApplication(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return APPLICATION_TRANSITIONS[from].includes(to);
}

export const DECISIONS = ['admit', 'reject', 'waitlist'] as const;
export type Decision = (typeof DECISIONS)[number];

/** 'all': every reviewer of the call reviews every application; 'balanced': N per application, least-loaded first. */
export const ASSIGNMENT_MODES = ['all', 'balanced'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

export interface LocalisedText {
  fr: string;
  en: string;
}

export interface ChoiceOption {
  /** Stable value stored in answers (e.g. "b2b"). */
  value: string;
  label: LocalisedText;
}

export interface QuestionInput {
  /** Omit for a new question; give the id to keep an existing one. */
  id?: string;
  kind: QuestionKind;
  label: LocalisedText;
  help?: LocalisedText | null;
  required: boolean;
  /** An eligibility question: shown first; single_choice answers outside `eligibleValues` make the draft ineligible. */
  eligibility: boolean;
  /** single_choice / multiple_choice only (2–20 options). */
  options?: ChoiceOption[];
  /** For eligibility single_choice questions: the values that qualify. */
  eligibleValues?: string[];
  /** short_text ≤ 300, long_text ≤ 5000 by default. */
  maxLength?: number | null;
}

export interface QuestionResponse extends Required<Omit<QuestionInput, 'id' | 'help' | 'maxLength'>> {
  id: string;
  position: number;
  help: LocalisedText | null;
  maxLength: number | null;
}

export interface CriterionInput {
  id?: string;
  label: LocalisedText;
  description?: LocalisedText | null;
  /** 1–5. */
  weight: number;
}

export interface CriterionResponse {
  id: string;
  position: number;
  label: LocalisedText;
  description: LocalisedText | null;
  weight: number;
}

export interface CreateCallRequest {
  cohortId: string;
  /** URL part: lowercase letters, digits and dashes; unique in the organisation. */
  slug: string;
  title: LocalisedText;
  description: LocalisedText;
  /** YYYY-MM-DD, organisation time zone, inclusive. */
  opensOn: string;
  /** YYYY-MM-DD, organisation time zone, inclusive (closes at the end of that day). */
  closesOn: string;
  questions: QuestionInput[];
  criteria: CriterionInput[];
  assignmentMode: AssignmentMode;
  /** 'balanced' only: reviewers per application (1–20). */
  reviewersPerApplication?: number | null;
}

export type UpdateCallRequest = Partial<Omit<CreateCallRequest, 'cohortId'>>;

export interface CallSummaryResponse {
  id: string;
  slug: string;
  cohortId: string;
  cohortName: string;
  programId: string;
  programName: string;
  title: LocalisedText;
  status: CallStatus;
  opensOn: string;
  closesOn: string;
  /** True when open and today (organisation time zone) is within [opensOn, closesOn]. */
  acceptingApplications: boolean;
  /** Submitted (non-draft) applications. */
  applicationCount: number;
  /** Public page path for the web: /apply/<organisationSlug>/<slug>. */
  publicPath: string;
}

export interface CallResponse extends CallSummaryResponse {
  description: LocalisedText;
  questions: QuestionResponse[];
  criteria: CriterionResponse[];
  assignmentMode: AssignmentMode;
  reviewersPerApplication: number | null;
  reviewerCount: number;
  createdAt: string;
}

export interface SetCallReviewersRequest {
  /** Users holding the reviewer role in the organisation. */
  userIds: string[];
  assignmentMode?: AssignmentMode;
  reviewersPerApplication?: number | null;
}

export interface CallReviewerResponse {
  userId: string;
  email: string;
  displayName: string;
  /** Applications assigned to this reviewer in this call (conflicts excluded). */
  assignedCount: number;
  submittedCount: number;
}

export interface ReviewerCandidateResponse {
  userId: string;
  email: string;
  displayName: string;
}

export interface AssignmentResultResponse {
  /** New assignments made by this call. */
  created: number;
  /** Applications moved from submitted to in_review. */
  applications: number;
}

/** Public form, texts already in the caller's language. */
export interface PublicQuestion {
  id: string;
  kind: QuestionKind;
  label: string;
  help: string | null;
  required: boolean;
  eligibility: boolean;
  options: { value: string; label: string }[];
  maxLength: number | null;
}

export interface PublicCallResponse {
  organisationSlug: string;
  organisationName: string;
  slug: string;
  locale: Locale;
  title: string;
  description: string;
  programName: string;
  cohortName: string;
  opensOn: string;
  closesOn: string;
  timeZone: string;
  acceptingApplications: boolean;
  questions: PublicQuestion[];
  maxFileBytes: number;
}

export interface StartApplicationRequest {
  email: string;
  startupName: string;
  /** 9 digits, Luhn-valid. */
  siren?: string | null;
  /** Language of the mails and of the form; defaults to Accept-Language. */
  locale?: Locale;
}

export interface StartApplicationResponse {
  /** Always true: the magic link went to the e-mail given. */
  sent: true;
  email: string;
}

export interface ResumeApplicationRequest {
  email: string;
  locale?: Locale;
}

export interface ExchangeMagicLinkRequest {
  token: string;
}

export interface DraftSessionResponse {
  /** Send it back as the X-Application-Session header. */
  draftSession: string;
  /** Seconds. */
  expiresIn: number;
  organisationSlug: string;
  callSlug: string;
}

/** An answer: text for short/long text, a value for single_choice, values for multiple_choice, a number. */
export type AnswerValue = string | number | string[] | null;

export interface ApplicationFileResponse {
  questionId: string;
  fileName: string;
  sizeBytes: number;
  contentType: string;
  uploadedAt: string;
}

export interface ApplicationDraftResponse {
  id: string;
  status: ApplicationStatus;
  email: string;
  startupName: string;
  siren: string | null;
  locale: Locale;
  /** Keyed by question id (file questions appear in `files`). */
  answers: Record<string, AnswerValue>;
  files: ApplicationFileResponse[];
  /** False when an eligibility answer does not qualify (submission refused). */
  eligible: boolean;
  submittedAt: string | null;
  call: PublicCallResponse;
}

export interface SaveDraftRequest {
  startupName?: string;
  siren?: string | null;
  locale?: Locale;
  answers?: Record<string, AnswerValue>;
}

export interface ScoreInput {
  criterionId: string;
  /** 1–5. */
  score: number;
}

export interface SaveReviewRequest {
  scores: ScoreInput[];
  comment?: string | null;
}

export interface DeclareConflictRequest {
  reason?: string | null;
}

export interface ReviewResponse {
  reviewerId: string;
  reviewerName: string;
  scores: ScoreInput[];
  comment: string | null;
  /** Σ(score × weight) / Σ(weight of the criteria scored), 2 decimals. */
  weightedScore: number | null;
  submittedAt: string | null;
}

export interface ReviewAssignmentResponse {
  applicationId: string;
  callId: string;
  callTitle: LocalisedText;
  startupName: string;
  submittedAt: string;
  myReviewStatus: 'todo' | 'draft' | 'submitted';
}

export interface AnsweredQuestion {
  question: QuestionResponse;
  answer: AnswerValue;
  file: ApplicationFileResponse | null;
}

export interface ReviewApplicationResponse {
  applicationId: string;
  callId: string;
  callTitle: LocalisedText;
  startupName: string;
  siren: string | null;
  submittedAt: string;
  answers: AnsweredQuestion[];
  criteria: CriterionResponse[];
  myReview: ReviewResponse | null;
  /** BLIND: null until my own review is submitted; then every other submitted review. */
  otherReviews: ReviewResponse[] | null;
}

export interface ApplicationSummaryResponse {
  id: string;
  callId: string;
  startupName: string;
  siren: string | null;
  email: string;
  locale: Locale;
  status: ApplicationStatus;
  decision: Decision | null;
  submittedAt: string | null;
  pitchAt: string | null;
  /** Mean of the submitted reviews' weighted scores (1–5, 2 decimals); null without reviews. */
  weightedAverage: number | null;
  /** max − min of the submitted reviews' weighted scores. */
  spread: number | null;
  /** spread ≥ 2, or any one criterion's max − min ≥ 2. */
  disagreement: boolean;
  reviewCount: number;
  assignedCount: number;
  /** 1-based rank by weightedAverage among the call's scored applications; null without reviews. */
  rank: number | null;
  startupId: string | null;
}

export interface ApplicationDetailResponse extends ApplicationSummaryResponse {
  answers: AnsweredQuestion[];
  criteria: CriterionResponse[];
  /** Every review, submitted or not, for managers. */
  reviews: ReviewResponse[];
  /** Per criterion: mean and spread of the submitted scores. */
  criterionStats: { criterionId: string; mean: number | null; spread: number | null }[];
  conflicts: { reviewerId: string; reviewerName: string; reason: string | null; declaredAt: string }[];
  decidedAt: string | null;
  enrollmentId: string | null;
}

export interface ApplicationListQuery {
  status?: ApplicationStatus;
  q?: string;
  disagreement?: boolean;
  sort?: 'rank' | 'submitted';
}

export interface ChangeApplicationStatusRequest {
  status: Exclude<ApplicationStatus, 'draft' | 'decided'>;
  /** Required when status is 'pitch': ISO 8601 instant. */
  pitchAt?: string | null;
}

export interface DecideApplicationRequest {
  decision: Decision;
  /** admit only: when a startup with the application's SIREN already exists, enrol it (true) instead of refusing. */
  useExistingStartup?: boolean;
}

/** applications → reviewed → admitted → active → graduated. */
export interface FunnelResponse {
  /** Submitted applications (drafts excluded). */
  applications: number;
  /** With at least one submitted review. */
  reviewed: number;
  /** Decided admit. */
  admitted: number;
  /** Admitted whose enrollment is now active or graduated. */
  active: number;
  /** Admitted whose enrollment is graduated. */
  graduated: number;
  rejected: number;
  waitlisted: number;
}
