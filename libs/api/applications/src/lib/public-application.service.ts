import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import { AppConfig } from '@incubator/api/config';
import { hashToken, newSecretToken } from '@incubator/api/identity';
import { MailService } from '@incubator/api/mail';
import { isUniqueViolation } from '@incubator/api/sql';
import {
  type AnswerValue,
  APPLICATION_FILE_MAX_BYTES,
  APPLICATION_FILE_TYPE,
  type ApplicationDraftResponse,
  type ApplicationFileResponse,
  type DraftSessionResponse,
  isValidSiren,
  type Locale,
  type PublicCallResponse,
  type QuestionResponse,
  type SaveDraftRequest,
  type StartApplicationRequest,
  type StartApplicationResponse,
} from '@incubator/contracts';
import { applicationLink, confirmationEmail, magicLinkEmail } from './application-emails';
import { APPLICATION_FILE_STORAGE, type ApplicationFileStorage, isPdf } from './application-file-storage';
import { ApplicationErrors } from './application.errors';
import { ApplicationRepository, type StoredApplication } from './application.repository';
import { CallRepository, type StoredCall } from './call.repository';

/** A magic link works once, for 72 hours; the draft session it opens lasts two hours. */
export const MAGIC_LINK_TTL_MINUTES = 72 * 60;
export const DRAFT_SESSION_TTL_MINUTES = 120;

const TEXT_LIMITS = { short_text: 300, long_text: 5000 } as const;

/** The applicant's side, without an account: the public form, drafts through magic links, uploads, submission. */
@Injectable()
export class PublicApplicationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly calls: CallRepository,
    private readonly applications: ApplicationRepository,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    @Inject(APPLICATION_FILE_STORAGE) private readonly storage: ApplicationFileStorage,
  ) {}

  /** The form of a call that is open or closed (a draft call is not public: 404). */
  async publicCall(organisationSlug: string, callSlug: string, locale: Locale): Promise<PublicCallResponse> {
    const call = await this.calls.findBySlugs(organisationSlug, callSlug);
    if (!call || call.status === 'draft') throw ApplicationErrors.call_not_found();
    return this.form(call, locale);
  }

  /** Starts a draft and mails its magic link; the same e-mail or SIREN in the same call is refused (409). */
  async start(organisationSlug: string, callSlug: string, request: StartApplicationRequest, locale: Locale): Promise<StartApplicationResponse> {
    const call = await this.calls.findBySlugs(organisationSlug, callSlug);
    if (!call || call.status === 'draft') throw ApplicationErrors.call_not_found();
    if (!call.accepting) throw ApplicationErrors.call_not_open();
    const siren = request.siren ? request.siren : null;
    if (siren && !isValidSiren(siren)) throw ApplicationErrors.siren_invalid();
    const email = request.email.trim().toLowerCase();
    const language = request.locale ?? locale;
    const token = newSecretToken();
    const { applicationId, expiresAt } = await this.dataSource
      .transaction(async (manager) => {
        const duplicate = await this.applications.duplicateOf(manager, call.id, email, siren);
        if (duplicate) throw duplicate === 'email' ? ApplicationErrors.duplicate_email() : ApplicationErrors.duplicate_siren();
        const applicationId = await this.applications.insertDraft(manager, {
          organisationId: call.organisationId,
          callId: call.id,
          email,
          startupName: request.startupName,
          siren,
          locale: language,
        });
        const expiresAt = await this.applications.insertToken(manager, {
          organisationId: call.organisationId,
          applicationId,
          kind: 'link',
          tokenHash: hashToken(token),
          ttlMinutes: MAGIC_LINK_TTL_MINUTES,
        });
        await this.audit.record(manager, {
          organisationId: call.organisationId,
          actorUserId: null,
          action: 'application.started',
          entityType: 'application',
          entityId: applicationId,
          after: { callId: call.id, email, startupName: request.startupName, siren },
        });
        return { applicationId, expiresAt };
      })
      .catch(async (error: unknown) => {
        // A parallel twin won the race: name what it holds.
        if (!isUniqueViolation(error)) throw error;
        const duplicate = await this.applications.duplicateOf(this.dataSource, call.id, email, siren);
        throw duplicate === 'siren' ? ApplicationErrors.duplicate_siren() : ApplicationErrors.duplicate_email();
      });
    await this.sendLink(call, email, language, token, expiresAt, applicationId);
    return { sent: true, email };
  }

  /** Mails a fresh link to the draft of that e-mail, if there is one; answers the same either way. */
  async resume(organisationSlug: string, callSlug: string, rawEmail: string, locale: Locale): Promise<void> {
    const call = await this.calls.findBySlugs(organisationSlug, callSlug);
    if (!call || call.status === 'draft') throw ApplicationErrors.call_not_found();
    const email = rawEmail.trim().toLowerCase();
    const token = newSecretToken();
    const sent = await this.dataSource.transaction(async (manager) => {
      const application = await this.applications.findByEmail(manager, call.id, email);
      if (!application || application.status !== 'draft') return null;
      await this.applications.retireLinks(manager, application.id);
      const expiresAt = await this.applications.insertToken(manager, {
        organisationId: call.organisationId,
        applicationId: application.id,
        kind: 'link',
        tokenHash: hashToken(token),
        ttlMinutes: MAGIC_LINK_TTL_MINUTES,
      });
      return { application, expiresAt };
    });
    if (sent) await this.sendLink(call, email, sent.application.locale ?? locale, token, sent.expiresAt, sent.application.id);
  }

  /** Exchanges a magic link (single use, unexpired) for a short-lived draft session. */
  async exchange(token: string): Promise<DraftSessionResponse> {
    const session = newSecretToken();
    const application = await this.dataSource.transaction(async (manager) => {
      const link = await this.applications.consumeLink(manager, hashToken(token));
      if (!link) throw ApplicationErrors.link_invalid();
      await this.applications.insertToken(manager, {
        organisationId: link.organisation_id,
        applicationId: link.application_id,
        kind: 'session',
        tokenHash: hashToken(session),
        ttlMinutes: DRAFT_SESSION_TTL_MINUTES,
      });
      return this.applications.find(link.organisation_id, link.application_id, manager);
    });
    if (!application) throw ApplicationErrors.link_invalid();
    const call = await this.callOf(application);
    return { draftSession: session, expiresIn: DRAFT_SESSION_TTL_MINUTES * 60, organisationSlug: call.organisationSlug, callSlug: call.slug };
  }

  async draft(sessionToken: string | undefined): Promise<ApplicationDraftResponse> {
    return this.view(await this.sessionApplication(sessionToken));
  }

  /** Saves part of the answers (each checked against its question); nothing is required before submission. */
  async save(sessionToken: string | undefined, change: SaveDraftRequest): Promise<ApplicationDraftResponse> {
    const current = await this.sessionApplication(sessionToken);
    const questions = await this.calls.questions(current.callId);
    const answers = { ...current.answers };
    for (const [questionId, value] of Object.entries(change.answers ?? {})) {
      const question = questions.find((q) => q.id === questionId);
      if (!question || question.kind === 'file') throw ApplicationErrors.answer_invalid({ question: questionId, reason: 'unknown' });
      checkAnswer(question, value, current.locale);
      if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) delete answers[questionId];
      else answers[questionId] = typeof value === 'string' ? value.trim() : value;
    }
    const siren = change.siren !== undefined ? change.siren || null : current.siren;
    if (siren && !isValidSiren(siren)) throw ApplicationErrors.siren_invalid();
    await this.dataSource
      .transaction(async (manager) => {
        const application = await this.applications.lock(manager, current.organisationId, current.id);
        if (!application || application.status !== 'draft') throw ApplicationErrors.not_editable();
        await this.applications.saveDraft(manager, current.id, {
          startupName: change.startupName ?? application.startupName,
          siren,
          locale: change.locale ?? application.locale,
          answers,
        });
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw ApplicationErrors.duplicate_siren();
        throw error;
      });
    return this.draft(sessionToken);
  }

  /** Stores a PDF (magic bytes %PDF-, at most 10 MB) for a file question, replacing an earlier one. */
  async upload(sessionToken: string | undefined, questionId: string, data: unknown, fileName: string | undefined): Promise<ApplicationFileResponse> {
    const application = await this.sessionApplication(sessionToken);
    if (application.status !== 'draft') throw ApplicationErrors.not_editable();
    const question = (await this.calls.questions(application.callId)).find((q) => q.id === questionId && q.kind === 'file');
    if (!question) throw ApplicationErrors.question_unknown();
    if (!Buffer.isBuffer(data) || data.length === 0) throw ApplicationErrors.file_type();
    if (data.length > APPLICATION_FILE_MAX_BYTES) throw ApplicationErrors.file_too_large({ maxMb: APPLICATION_FILE_MAX_BYTES / 1024 / 1024 });
    if (!isPdf(data)) throw ApplicationErrors.file_type();
    const name = cleanFileName(fileName);
    const storageKey = `${application.id}/${questionId}/${randomUUID()}`;
    const previous = await this.applications.file(application.id, questionId);
    await this.storage.put(application.organisationId, storageKey, data);
    try {
      await this.dataSource.transaction(async (manager) => {
        const locked = await this.applications.lock(manager, application.organisationId, application.id);
        if (!locked || locked.status !== 'draft') throw ApplicationErrors.not_editable();
        await this.applications.putFile(manager, {
          organisationId: application.organisationId,
          applicationId: application.id,
          questionId,
          fileName: name,
          contentType: APPLICATION_FILE_TYPE,
          sizeBytes: data.length,
          storageKey,
        });
      });
    } catch (error) {
      await this.storage.remove(application.organisationId, storageKey);
      throw error;
    }
    if (previous) await this.storage.remove(application.organisationId, previous.storageKey);
    const stored = await this.applications.file(application.id, questionId);
    if (!stored) throw ApplicationErrors.file_not_found();
    return publicFile(stored);
  }

  async removeFile(sessionToken: string | undefined, questionId: string): Promise<void> {
    const application = await this.sessionApplication(sessionToken);
    if (application.status !== 'draft') throw ApplicationErrors.not_editable();
    const file = await this.applications.file(application.id, questionId);
    if (!file) throw ApplicationErrors.file_not_found();
    await this.dataSource.transaction((manager) => this.applications.deleteFile(manager, application.id, questionId));
    await this.storage.remove(application.organisationId, file.storageKey);
  }

  /** Submits the draft: every required question answered, eligible, the call still accepting; then the confirmation mail. */
  async submit(sessionToken: string | undefined): Promise<ApplicationDraftResponse> {
    const current = await this.sessionApplication(sessionToken);
    const call = await this.callOf(current);
    await this.dataSource.transaction(async (manager) => {
      const application = await this.applications.lock(manager, current.organisationId, current.id);
      if (!application || application.status !== 'draft') throw ApplicationErrors.not_editable();
      if (!call.accepting) throw ApplicationErrors.call_not_open();
      const questions = await this.calls.questions(call.id, manager);
      const files = await this.applications.files(application.id, manager);
      for (const question of questions) {
        const answered = question.kind === 'file' ? files.some((f) => f.questionId === question.id) : application.answers[question.id] !== undefined;
        if ((question.required || question.eligibility) && !answered) throw ApplicationErrors.answer_missing({ question: question.label[application.locale] });
      }
      if (!eligible(questions, application.answers)) throw ApplicationErrors.not_eligible();
      await this.applications.submit(manager, application.id);
      await this.audit.record(manager, {
        organisationId: application.organisationId,
        actorUserId: null,
        action: 'application.submitted',
        entityType: 'application',
        entityId: application.id,
        after: { status: 'submitted' },
      });
    });
    await this.mail.send(
      confirmationEmail({
        to: current.email,
        locale: current.locale,
        organisationName: call.organisationName,
        callTitle: call.title[current.locale],
        startupName: current.startupName,
      }),
      `application-submitted:${current.id}`,
    );
    return this.draft(sessionToken);
  }

  private async sessionApplication(sessionToken: string | undefined): Promise<StoredApplication> {
    if (!sessionToken || !/^[A-Za-z0-9_-]{43}$/.test(sessionToken)) throw ApplicationErrors.session_required();
    const session = await this.applications.sessionApplication(hashToken(sessionToken));
    if (!session) throw ApplicationErrors.session_required();
    const application = await this.applications.find(session.organisation_id, session.application_id);
    if (!application) throw ApplicationErrors.session_required();
    return application;
  }

  private async callOf(application: StoredApplication): Promise<StoredCall> {
    const call = await this.calls.find(application.organisationId, application.callId);
    if (!call) throw ApplicationErrors.call_not_found();
    return call;
  }

  private async view(application: StoredApplication): Promise<ApplicationDraftResponse> {
    const call = await this.callOf(application);
    const questions = await this.calls.questions(call.id);
    return {
      id: application.id,
      status: application.status,
      email: application.email,
      startupName: application.startupName,
      siren: application.siren,
      locale: application.locale,
      answers: application.answers,
      files: (await this.applications.files(application.id)).map(publicFile),
      eligible: eligible(questions, application.answers),
      submittedAt: application.submittedAt,
      call: await this.form(call, application.locale, questions),
    };
  }

  private async form(call: StoredCall, locale: Locale, questions?: QuestionResponse[]): Promise<PublicCallResponse> {
    const list = questions ?? (await this.calls.questions(call.id));
    return {
      organisationSlug: call.organisationSlug,
      organisationName: call.organisationName,
      slug: call.slug,
      locale,
      title: call.title[locale],
      description: call.description[locale],
      programName: call.programName,
      cohortName: call.cohortName,
      opensOn: call.opensOn,
      closesOn: call.closesOn,
      timeZone: call.timeZone,
      acceptingApplications: call.accepting,
      // Eligibility questions first, as the form shows them.
      questions: [...list.filter((q) => q.eligibility), ...list.filter((q) => !q.eligibility)].map((q) => ({
        id: q.id,
        kind: q.kind,
        label: q.label[locale],
        help: q.help ? q.help[locale] : null,
        required: q.required || q.eligibility,
        eligibility: q.eligibility,
        options: q.options.map((o) => ({ value: o.value, label: o.label[locale] })),
        maxLength: q.kind === 'short_text' || q.kind === 'long_text' ? q.maxLength ?? TEXT_LIMITS[q.kind] : null,
      })),
      maxFileBytes: APPLICATION_FILE_MAX_BYTES,
    };
  }

  private async sendLink(call: StoredCall, email: string, locale: Locale, token: string, expiresAt: Date, applicationId: string): Promise<void> {
    await this.mail.send(
      magicLinkEmail({
        to: email,
        locale,
        organisationName: call.organisationName,
        callTitle: call.title[locale],
        link: applicationLink(this.config.PUBLIC_WEB_URL, token),
        expiresAt,
        timeZone: call.timeZone,
      }),
      `application-link:${applicationId}:${hashToken(token).slice(0, 16)}`,
    );
  }
}

/** Throws answer_invalid unless the value fits the question (null clears an answer). */
export function checkAnswer(question: QuestionResponse, value: AnswerValue, locale: Locale): void {
  const fail = (reason: string) => ApplicationErrors.answer_invalid({ question: question.label[locale], reason });
  if (value === null) return;
  const values = question.options.map((o) => o.value);
  switch (question.kind) {
    case 'short_text':
    case 'long_text': {
      const limit = question.maxLength ?? TEXT_LIMITS[question.kind];
      if (typeof value !== 'string') throw fail(locale === 'fr' ? 'texte attendu' : 'text expected');
      if (value.length > limit) throw fail(locale === 'fr' ? `${limit} caractères au plus` : `at most ${limit} characters`);
      // eslint-disable-next-line no-control-regex
      if (question.kind === 'short_text' && /[\u0000-\u001f\u007f]/.test(value)) throw fail(locale === 'fr' ? 'caractère de contrôle' : 'control character');
      return;
    }
    case 'single_choice':
      if (typeof value !== 'string' || !values.includes(value)) throw fail(locale === 'fr' ? 'choix inconnu' : 'unknown choice');
      return;
    case 'multiple_choice':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !values.includes(v)) || new Set(value).size !== value.length) {
        throw fail(locale === 'fr' ? 'choix inconnus ou répétés' : 'unknown or repeated choices');
      }
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > 1e12) throw fail(locale === 'fr' ? 'nombre attendu' : 'number expected');
      return;
    case 'file':
      throw fail(locale === 'fr' ? 'fichier à téléverser' : 'file to upload');
  }
}

/** False when an answered eligibility question holds no qualifying value. */
export function eligible(questions: QuestionResponse[], answers: Record<string, AnswerValue>): boolean {
  return questions
    .filter((q) => q.eligibility && q.eligibleValues.length > 0 && answers[q.id] !== undefined)
    .every((q) => {
      const answer = answers[q.id];
      const chosen = Array.isArray(answer) ? answer : [answer];
      return chosen.some((value) => typeof value === 'string' && q.eligibleValues.includes(value));
    });
}

function cleanFileName(name: string | undefined): string {
  let decoded = name ?? '';
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // kept as sent
  }
  // eslint-disable-next-line no-control-regex
  const clean = decoded.replace(/[\u0000-\u001f\u007f/\\"]/g, '').replace(/[\uD800-\uDFFF]/g, '').trim().slice(0, 200);
  return clean ? (clean.toLowerCase().endsWith('.pdf') ? clean : `${clean}.pdf`) : 'document.pdf';
}

function publicFile(file: ApplicationFileResponse): ApplicationFileResponse {
  return { questionId: file.questionId, fileName: file.fileName, sizeBytes: file.sizeBytes, contentType: file.contentType, uploadedAt: file.uploadedAt };
}
