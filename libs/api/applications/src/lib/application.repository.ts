import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AnswerValue, ApplicationFileResponse, ApplicationStatus, Decision, FunnelResponse, Locale } from '@incubator/contracts';
import { containsPattern, type Queryable, SqlFilter } from '@incubator/api/sql';

interface ApplicationRow {
  id: string;
  organisation_id: string;
  call_id: string;
  email: string;
  startup_name: string;
  siren: string | null;
  locale: Locale;
  status: ApplicationStatus;
  answers: Record<string, AnswerValue>;
  submitted_at: Date | null;
  pitch_at: Date | null;
  decision: Decision | null;
  decided_at: Date | null;
  startup_id: string | null;
  enrollment_id: string | null;
  created_at: Date;
}

interface FileRow {
  question_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  storage_key: string;
  uploaded_at: Date;
}

interface TokenRow {
  application_id: string;
  organisation_id: string;
  expires_at: Date;
  used_at: Date | null;
}

interface IdRow {
  id: string;
}

interface FunnelRow {
  applications: number;
  reviewed: number;
  admitted: number;
  active: number;
  graduated: number;
  rejected: number;
  waitlisted: number;
}

export interface StoredApplication {
  id: string;
  organisationId: string;
  callId: string;
  email: string;
  startupName: string;
  siren: string | null;
  locale: Locale;
  status: ApplicationStatus;
  answers: Record<string, AnswerValue>;
  submittedAt: string | null;
  pitchAt: string | null;
  decision: Decision | null;
  decidedAt: string | null;
  startupId: string | null;
  enrollmentId: string | null;
}

export interface StoredFile extends ApplicationFileResponse {
  storageKey: string;
}

/** Every statement on applications, their tokens and file records. */
@Injectable()
export class ApplicationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(organisationId: string, id: string, db: Queryable = this.dataSource): Promise<StoredApplication | null> {
    const [row] = await db.query<ApplicationRow[]>('SELECT * FROM applications WHERE organisation_id = $1 AND id = $2', [organisationId, id]);
    return row ? toApplication(row) : null;
  }

  async lock(db: Queryable, organisationId: string, id: string): Promise<StoredApplication | null> {
    const [row] = await db.query<ApplicationRow[]>('SELECT * FROM applications WHERE organisation_id = $1 AND id = $2 FOR UPDATE', [organisationId, id]);
    return row ? toApplication(row) : null;
  }

  /** The call's applications (drafts left out), filtered; at most 5,000. */
  async listForCall(
    organisationId: string,
    callId: string,
    filter: { status?: ApplicationStatus; q?: string },
    db: Queryable = this.dataSource,
  ): Promise<StoredApplication[]> {
    const where = new SqlFilter().add('organisation_id = ?', organisationId).add('call_id = ?', callId).add(`status <> 'draft'`);
    if (filter.status) where.add('status = ?', filter.status);
    if (filter.q) where.add('(lower(startup_name) LIKE ? OR email LIKE ? OR siren = ?)', containsPattern(filter.q), containsPattern(filter.q), filter.q);
    const rows = await db.query<ApplicationRow[]>(`SELECT * FROM applications WHERE ${where.where} ORDER BY submitted_at, id LIMIT 5000`, where.params);
    return rows.map(toApplication);
  }

  /** Starts a draft. Unique violations (same e-mail or SIREN in the call) reach the caller. */
  async insertDraft(
    db: Queryable,
    input: { organisationId: string; callId: string; email: string; startupName: string; siren: string | null; locale: Locale },
  ): Promise<string> {
    const [row] = await db.query<IdRow[]>(
      `INSERT INTO applications (organisation_id, call_id, email, startup_name, siren, locale) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [input.organisationId, input.callId, input.email, input.startupName, input.siren, input.locale],
    );
    return row.id;
  }

  /** Which unique key a new application would break: the same e-mail, or the same SIREN, in the call. */
  async duplicateOf(db: Queryable, callId: string, email: string, siren: string | null): Promise<'email' | 'siren' | null> {
    const rows = await db.query<Array<{ by: 'email' | 'siren' }>>(
      `SELECT CASE WHEN email = $2 THEN 'email' ELSE 'siren' END AS by FROM applications
       WHERE call_id = $1 AND (email = $2 OR ($3::text IS NOT NULL AND siren = $3)) ORDER BY (email = $2) DESC LIMIT 1`,
      [callId, email, siren],
    );
    return rows[0]?.by ?? null;
  }

  async findByEmail(db: Queryable, callId: string, email: string): Promise<StoredApplication | null> {
    const [row] = await db.query<ApplicationRow[]>('SELECT * FROM applications WHERE call_id = $1 AND email = $2', [callId, email]);
    return row ? toApplication(row) : null;
  }

  async saveDraft(
    db: Queryable,
    id: string,
    change: { startupName: string; siren: string | null; locale: Locale; answers: Record<string, AnswerValue> },
  ): Promise<void> {
    await db.query(
      `UPDATE applications SET startup_name = $2, siren = $3, locale = $4, answers = $5::jsonb, updated_at = now() WHERE id = $1 AND status = 'draft'`,
      [id, change.startupName, change.siren, change.locale, JSON.stringify(change.answers)],
    );
  }

  async submit(db: Queryable, id: string): Promise<void> {
    await db.query(`UPDATE applications SET status = 'submitted', submitted_at = now(), updated_at = now() WHERE id = $1 AND status = 'draft'`, [id]);
  }

  async setStatus(db: Queryable, id: string, status: ApplicationStatus, pitchAt: string | null): Promise<void> {
    await db.query('UPDATE applications SET status = $2, pitch_at = $3, updated_at = now() WHERE id = $1', [id, status, pitchAt]);
  }

  /** Moves the given submitted applications to in_review (after their first assignment). */
  async startReview(db: Queryable, ids: string[]): Promise<number> {
    const [, affected] = await db.query<[IdRow[], number]>(
      `UPDATE applications SET status = 'in_review', updated_at = now() WHERE id = ANY($1::uuid[]) AND status = 'submitted' RETURNING id`,
      [ids],
    );
    return affected;
  }

  async linkStartup(db: Queryable, id: string, startupId: string | null, enrollmentId: string | null): Promise<void> {
    await db.query('UPDATE applications SET startup_id = $2, enrollment_id = $3, updated_at = now() WHERE id = $1', [id, startupId, enrollmentId]);
  }

  async decide(db: Queryable, id: string, decision: Decision, decidedBy: string): Promise<void> {
    await db.query(
      `UPDATE applications SET status = 'decided', decision = $2, decided_at = now(), decided_by = $3, updated_at = now() WHERE id = $1`,
      [id, decision, decidedBy],
    );
  }

  // --- magic links and draft sessions (hashes only) ---

  async insertToken(
    db: Queryable,
    input: { organisationId: string; applicationId: string; kind: 'link' | 'session'; tokenHash: string; ttlMinutes: number },
  ): Promise<Date> {
    const [row] = await db.query<Array<{ expires_at: Date }>>(
      `INSERT INTO application_tokens (organisation_id, application_id, kind, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5)) RETURNING expires_at`,
      [input.organisationId, input.applicationId, input.kind, input.tokenHash, input.ttlMinutes],
    );
    return row.expires_at;
  }

  /** Marks a live, unused magic link used and answers its application; null when unknown, used or expired (single use, atomic). */
  async consumeLink(db: Queryable, tokenHash: string): Promise<TokenRow | null> {
    // UPDATE … RETURNING: TypeORM answers [rows, affectedCount].
    const [[row]] = await db.query<[TokenRow[], number]>(
      `UPDATE application_tokens SET used_at = now()
       WHERE token_hash = $1 AND kind = 'link' AND used_at IS NULL AND expires_at > now()
       RETURNING application_id, organisation_id, expires_at, used_at`,
      [tokenHash],
    );
    return row ?? null;
  }

  /** The application of a live draft session. */
  async sessionApplication(tokenHash: string, db: Queryable = this.dataSource): Promise<TokenRow | null> {
    const [row] = await db.query<TokenRow[]>(
      `SELECT application_id, organisation_id, expires_at, used_at FROM application_tokens
       WHERE token_hash = $1 AND kind = 'session' AND expires_at > now()`,
      [tokenHash],
    );
    return row ?? null;
  }

  /** Earlier links of the application stop working when a new one is sent; expired tokens are forgotten. */
  async retireLinks(db: Queryable, applicationId: string): Promise<void> {
    await db.query(`UPDATE application_tokens SET used_at = now() WHERE application_id = $1 AND kind = 'link' AND used_at IS NULL`, [applicationId]);
    await db.query(`DELETE FROM application_tokens WHERE application_id = $1 AND expires_at < now() - interval '1 day'`, [applicationId]);
  }

  // --- file records (bytes are behind ApplicationFileStorage) ---

  async files(applicationId: string, db: Queryable = this.dataSource): Promise<StoredFile[]> {
    const rows = await db.query<FileRow[]>('SELECT * FROM application_files WHERE application_id = $1 ORDER BY uploaded_at', [applicationId]);
    return rows.map(toFile);
  }

  async file(applicationId: string, questionId: string, db: Queryable = this.dataSource): Promise<StoredFile | null> {
    const [row] = await db.query<FileRow[]>('SELECT * FROM application_files WHERE application_id = $1 AND question_id = $2', [applicationId, questionId]);
    return row ? toFile(row) : null;
  }

  async putFile(
    db: Queryable,
    input: { organisationId: string; applicationId: string; questionId: string; fileName: string; contentType: string; sizeBytes: number; storageKey: string },
  ): Promise<void> {
    await db.query(
      `INSERT INTO application_files (organisation_id, application_id, question_id, file_name, content_type, size_bytes, storage_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (application_id, question_id) DO UPDATE
         SET file_name = EXCLUDED.file_name, content_type = EXCLUDED.content_type, size_bytes = EXCLUDED.size_bytes,
             storage_key = EXCLUDED.storage_key, uploaded_at = now()`,
      [input.organisationId, input.applicationId, input.questionId, input.fileName, input.contentType, input.sizeBytes, input.storageKey],
    );
  }

  async deleteFile(db: Queryable, applicationId: string, questionId: string): Promise<void> {
    await db.query('DELETE FROM application_files WHERE application_id = $1 AND question_id = $2', [applicationId, questionId]);
  }

  // --- funnel ---

  /** applications → reviewed → admitted → active → graduated, for one call or every call of a cohort. */
  async funnel(organisationId: string, scope: { callId?: string; cohortId?: string }, db: Queryable = this.dataSource): Promise<FunnelResponse> {
    const [row] = await db.query<FunnelRow[]>(
      `SELECT count(*)::int AS applications,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM application_reviews r WHERE r.application_id = a.id AND r.submitted_at IS NOT NULL))::int AS reviewed,
              count(*) FILTER (WHERE a.decision = 'admit')::int AS admitted,
              count(*) FILTER (WHERE a.decision = 'admit' AND e.status IN ('active', 'graduated'))::int AS active,
              count(*) FILTER (WHERE a.decision = 'admit' AND e.status = 'graduated')::int AS graduated,
              count(*) FILTER (WHERE a.decision = 'reject')::int AS rejected,
              count(*) FILTER (WHERE a.decision = 'waitlist')::int AS waitlisted
       FROM applications a
       JOIN application_calls c ON c.id = a.call_id
       LEFT JOIN enrollments e ON e.id = a.enrollment_id
       WHERE a.organisation_id = $1 AND a.status <> 'draft' AND ($2::uuid IS NULL OR a.call_id = $2) AND ($3::uuid IS NULL OR c.cohort_id = $3)`,
      [organisationId, scope.callId ?? null, scope.cohortId ?? null],
    );
    return {
      applications: Number(row.applications),
      reviewed: Number(row.reviewed),
      admitted: Number(row.admitted),
      active: Number(row.active),
      graduated: Number(row.graduated),
      rejected: Number(row.rejected),
      waitlisted: Number(row.waitlisted),
    };
  }
}

function toApplication(row: ApplicationRow): StoredApplication {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    callId: row.call_id,
    email: row.email,
    startupName: row.startup_name,
    siren: row.siren,
    locale: row.locale,
    status: row.status,
    answers: row.answers ?? {},
    submittedAt: row.submitted_at?.toISOString() ?? null,
    pitchAt: row.pitch_at?.toISOString() ?? null,
    decision: row.decision,
    decidedAt: row.decided_at?.toISOString() ?? null,
    startupId: row.startup_id,
    enrollmentId: row.enrollment_id,
  };
}

function toFile(row: FileRow): StoredFile {
  return {
    questionId: row.question_id,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: Number(row.size_bytes),
    storageKey: row.storage_key,
    uploadedAt: row.uploaded_at.toISOString(),
  };
}
