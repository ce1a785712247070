import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type {
  AssignmentMode,
  CallReviewerResponse,
  CallStatus,
  CallSummaryResponse,
  ChoiceOption,
  CriterionInput,
  CriterionResponse,
  Locale,
  QuestionInput,
  QuestionKind,
  QuestionResponse,
  ReviewerCandidateResponse,
} from '@incubator/contracts';
import type { Queryable } from '@incubator/api/sql';

/** A call with its cohort, program and organisation; `accepting` is computed in the organisation's time zone. */
const SELECT = `
  SELECT c.*, co.name AS cohort_name, p.id AS program_id, p.name AS program_name, o.slug AS organisation_slug,
         o.name AS organisation_name, o.time_zone, o.default_locale,
         (c.status = 'open' AND (now() AT TIME ZONE o.time_zone)::date BETWEEN c.opens_on AND c.closes_on) AS accepting,
         (SELECT count(*)::int FROM applications a WHERE a.call_id = c.id AND a.status <> 'draft') AS application_count,
         (SELECT count(*)::int FROM application_call_reviewers r WHERE r.call_id = c.id) AS reviewer_count
  FROM application_calls c
  JOIN cohorts co ON co.organisation_id = c.organisation_id AND co.id = c.cohort_id
  JOIN programs p ON p.id = co.program_id
  JOIN organisations o ON o.id = c.organisation_id`;

interface CallRow {
  id: string;
  organisation_id: string;
  cohort_id: string;
  cohort_name: string;
  program_id: string;
  program_name: string;
  organisation_slug: string;
  organisation_name: string;
  time_zone: string;
  default_locale: Locale;
  slug: string;
  title_fr: string;
  title_en: string;
  description_fr: string;
  description_en: string;
  /** DATE columns come back as 'YYYY-MM-DD' strings. */
  opens_on: string;
  closes_on: string;
  status: CallStatus;
  assignment_mode: AssignmentMode;
  reviewers_per_application: number | null;
  accepting: boolean;
  application_count: number;
  reviewer_count: number;
  created_at: Date;
}

interface QuestionRow {
  id: string;
  call_id: string;
  position: number;
  kind: QuestionKind;
  label_fr: string;
  label_en: string;
  help_fr: string | null;
  help_en: string | null;
  required: boolean;
  eligibility: boolean;
  options: ChoiceOption[];
  eligible_values: string[];
  max_length: number | null;
}

interface CriterionRow {
  id: string;
  position: number;
  label_fr: string;
  label_en: string;
  description_fr: string | null;
  description_en: string | null;
  weight: number;
}

interface ReviewerRow {
  user_id: string;
  email: string;
  display_name: string;
  assigned_count: number;
  submitted_count: number;
}

interface CandidateRow {
  user_id: string;
  email: string;
  display_name: string;
}

interface IdRow {
  id: string;
}

interface CountRow {
  count: number;
}

/** A call as read from the database, before the service shapes it. */
export interface StoredCall {
  id: string;
  organisationId: string;
  cohortId: string;
  cohortName: string;
  programId: string;
  programName: string;
  organisationSlug: string;
  organisationName: string;
  timeZone: string;
  defaultLocale: Locale;
  slug: string;
  title: { fr: string; en: string };
  description: { fr: string; en: string };
  opensOn: string;
  closesOn: string;
  status: CallStatus;
  assignmentMode: AssignmentMode;
  reviewersPerApplication: number | null;
  accepting: boolean;
  applicationCount: number;
  reviewerCount: number;
  createdAt: string;
}

export interface CallFields {
  slug: string;
  title: { fr: string; en: string };
  description: { fr: string; en: string };
  opensOn: string;
  closesOn: string;
  assignmentMode: AssignmentMode;
  reviewersPerApplication: number | null;
}

/** Every statement on application_calls, their questions, criteria and reviewers. */
@Injectable()
export class CallRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(
    organisationId: string,
    filter: { cohortId?: string; programId?: string; status?: CallStatus },
    db: Queryable = this.dataSource,
  ): Promise<StoredCall[]> {
    const rows = await db.query<CallRow[]>(
      `${SELECT} WHERE c.organisation_id = $1 AND ($2::uuid IS NULL OR c.cohort_id = $2) AND ($3::uuid IS NULL OR p.id = $3)
         AND ($4::text IS NULL OR c.status = $4)
       ORDER BY c.opens_on DESC, c.created_at DESC LIMIT 500`,
      [organisationId, filter.cohortId ?? null, filter.programId ?? null, filter.status ?? null],
    );
    return rows.map(toCall);
  }

  async find(organisationId: string, id: string, db: Queryable = this.dataSource): Promise<StoredCall | null> {
    const [row] = await db.query<CallRow[]>(`${SELECT} WHERE c.organisation_id = $1 AND c.id = $2`, [organisationId, id]);
    return row ? toCall(row) : null;
  }

  /** The public page's lookup: by the organisation's slug and the call's. */
  async findBySlugs(organisationSlug: string, callSlug: string, db: Queryable = this.dataSource): Promise<StoredCall | null> {
    const [row] = await db.query<CallRow[]>(`${SELECT} WHERE o.slug = $1 AND c.slug = $2`, [organisationSlug, callSlug]);
    return row ? toCall(row) : null;
  }

  /** Locks the call row for the rest of the transaction. */
  async lock(db: Queryable, organisationId: string, id: string): Promise<boolean> {
    const rows = await db.query<IdRow[]>('SELECT id FROM application_calls WHERE organisation_id = $1 AND id = $2 FOR UPDATE', [organisationId, id]);
    return rows.length > 0;
  }

  async cohortExists(db: Queryable, organisationId: string, cohortId: string): Promise<boolean> {
    const rows = await db.query<IdRow[]>('SELECT id FROM cohorts WHERE organisation_id = $1 AND id = $2', [organisationId, cohortId]);
    return rows.length > 0;
  }

  async insert(db: Queryable, organisationId: string, cohortId: string, fields: CallFields, createdBy: string | null): Promise<string> {
    const [row] = await db.query<IdRow[]>(
      `INSERT INTO application_calls (organisation_id, cohort_id, slug, title_fr, title_en, description_fr, description_en, opens_on, closes_on,
                                      assignment_mode, reviewers_per_application, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        organisationId,
        cohortId,
        fields.slug,
        fields.title.fr,
        fields.title.en,
        fields.description.fr,
        fields.description.en,
        fields.opensOn,
        fields.closesOn,
        fields.assignmentMode,
        fields.reviewersPerApplication,
        createdBy,
      ],
    );
    return row.id;
  }

  async update(db: Queryable, organisationId: string, id: string, fields: CallFields): Promise<void> {
    await db.query(
      `UPDATE application_calls SET slug = $3, title_fr = $4, title_en = $5, description_fr = $6, description_en = $7, opens_on = $8, closes_on = $9,
              assignment_mode = $10, reviewers_per_application = $11, updated_at = now()
       WHERE organisation_id = $1 AND id = $2`,
      [
        organisationId,
        id,
        fields.slug,
        fields.title.fr,
        fields.title.en,
        fields.description.fr,
        fields.description.en,
        fields.opensOn,
        fields.closesOn,
        fields.assignmentMode,
        fields.reviewersPerApplication,
      ],
    );
  }

  async setStatus(db: Queryable, organisationId: string, id: string, status: CallStatus): Promise<void> {
    await db.query('UPDATE application_calls SET status = $3, updated_at = now() WHERE organisation_id = $1 AND id = $2', [organisationId, id, status]);
  }

  async delete(db: Queryable, organisationId: string, id: string): Promise<void> {
    await db.query('DELETE FROM application_calls WHERE organisation_id = $1 AND id = $2', [organisationId, id]);
  }

  async questions(callId: string, db: Queryable = this.dataSource): Promise<QuestionResponse[]> {
    const rows = await db.query<QuestionRow[]>('SELECT * FROM application_questions WHERE call_id = $1 ORDER BY position', [callId]);
    return rows.map(toQuestion);
  }

  async criteria(callId: string, db: Queryable = this.dataSource): Promise<CriterionResponse[]> {
    const rows = await db.query<CriterionRow[]>('SELECT * FROM application_criteria WHERE call_id = $1 ORDER BY position', [callId]);
    return rows.map(toCriterion);
  }

  /**
   * Replaces the call's questions: those given with a known id are updated in place (answers keyed by
   * their id stay valid), the others inserted, the ones left out deleted.
   */
  async replaceQuestions(db: Queryable, organisationId: string, callId: string, questions: QuestionInput[]): Promise<void> {
    const keep = questions.map((q) => q.id).filter((id): id is string => !!id);
    await db.query('DELETE FROM application_questions WHERE call_id = $1 AND NOT (id = ANY($2::uuid[]))', [callId, keep]);
    for (const [position, q] of questions.entries()) {
      const values = [
        q.kind,
        q.label.fr,
        q.label.en,
        q.help?.fr ?? null,
        q.help?.en ?? null,
        q.required,
        q.eligibility,
        JSON.stringify(q.options ?? []),
        JSON.stringify(q.eligibleValues ?? []),
        q.maxLength ?? null,
        position,
      ];
      // UPDATE … RETURNING: TypeORM answers [rows, affectedCount].
      const [updated] = q.id
        ? await db.query<[IdRow[], number]>(
            `UPDATE application_questions SET kind = $3, label_fr = $4, label_en = $5, help_fr = $6, help_en = $7, required = $8, eligibility = $9,
                    options = $10::jsonb, eligible_values = $11::jsonb, max_length = $12, position = $13
             WHERE call_id = $1 AND id = $2 RETURNING id`,
            [callId, q.id, ...values],
          )
        : [[]];
      if (updated.length === 0) {
        await db.query(
          `INSERT INTO application_questions (organisation_id, call_id, kind, label_fr, label_en, help_fr, help_en, required, eligibility, options,
                                              eligible_values, max_length, position)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12, $13)`,
          [organisationId, callId, ...values],
        );
      }
    }
  }

  async replaceCriteria(db: Queryable, organisationId: string, callId: string, criteria: CriterionInput[]): Promise<void> {
    const keep = criteria.map((c) => c.id).filter((id): id is string => !!id);
    await db.query('DELETE FROM application_criteria WHERE call_id = $1 AND NOT (id = ANY($2::uuid[]))', [callId, keep]);
    for (const [position, c] of criteria.entries()) {
      const values = [c.label.fr, c.label.en, c.description?.fr ?? null, c.description?.en ?? null, c.weight, position];
      const [updated] = c.id
        ? await db.query<[IdRow[], number]>(
            `UPDATE application_criteria SET label_fr = $3, label_en = $4, description_fr = $5, description_en = $6, weight = $7, position = $8
             WHERE call_id = $1 AND id = $2 RETURNING id`,
            [callId, c.id, ...values],
          )
        : [[]];
      if (updated.length === 0) {
        await db.query(
          `INSERT INTO application_criteria (organisation_id, call_id, label_fr, label_en, description_fr, description_en, weight, position)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [organisationId, callId, ...values],
        );
      }
    }
  }

  async reviewers(callId: string, db: Queryable = this.dataSource): Promise<CallReviewerResponse[]> {
    const rows = await db.query<ReviewerRow[]>(
      `SELECT u.id AS user_id, u.email, u.display_name,
              (SELECT count(*)::int FROM application_assignments x JOIN applications a ON a.id = x.application_id
                WHERE a.call_id = r.call_id AND x.reviewer_id = u.id AND x.conflict_declared_at IS NULL) AS assigned_count,
              (SELECT count(*)::int FROM application_reviews v JOIN applications a ON a.id = v.application_id
                WHERE a.call_id = r.call_id AND v.reviewer_id = u.id AND v.submitted_at IS NOT NULL) AS submitted_count
       FROM application_call_reviewers r JOIN users u ON u.id = r.user_id
       WHERE r.call_id = $1 ORDER BY lower(u.display_name), u.id`,
      [callId],
    );
    return rows.map((row) => ({
      userId: row.user_id,
      email: row.email,
      displayName: row.display_name,
      assignedCount: Number(row.assigned_count),
      submittedCount: Number(row.submitted_count),
    }));
  }

  /** Active members holding the reviewer role. */
  async candidates(organisationId: string, db: Queryable = this.dataSource): Promise<ReviewerCandidateResponse[]> {
    const rows = await db.query<CandidateRow[]>(
      `SELECT u.id AS user_id, u.email, u.display_name FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.organisation_id = $1 AND m.role = 'reviewer' AND m.is_active ORDER BY lower(u.display_name), u.id LIMIT 1000`,
      [organisationId],
    );
    return rows.map((row) => ({ userId: row.user_id, email: row.email, displayName: row.display_name }));
  }

  /** How many of the ids are active reviewer members of the organisation. */
  async countReviewers(db: Queryable, organisationId: string, userIds: string[]): Promise<number> {
    const [row] = await db.query<CountRow[]>(
      `SELECT count(*)::int AS count FROM memberships WHERE organisation_id = $1 AND role = 'reviewer' AND is_active AND user_id = ANY($2::uuid[])`,
      [organisationId, userIds],
    );
    return Number(row.count);
  }

  async setReviewers(db: Queryable, organisationId: string, callId: string, userIds: string[]): Promise<void> {
    await db.query('DELETE FROM application_call_reviewers WHERE call_id = $1 AND NOT (user_id = ANY($2::uuid[]))', [callId, userIds]);
    await db.query(
      `INSERT INTO application_call_reviewers (organisation_id, call_id, user_id) SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING`,
      [organisationId, callId, userIds],
    );
  }

  async reviewerIds(db: Queryable, callId: string): Promise<string[]> {
    const rows = await db.query<Array<{ user_id: string }>>(
      `SELECT r.user_id FROM application_call_reviewers r JOIN memberships m ON m.user_id = r.user_id AND m.organisation_id = r.organisation_id
       WHERE r.call_id = $1 AND m.is_active ORDER BY r.user_id`,
      [callId],
    );
    return rows.map((row) => row.user_id);
  }
}

function toCall(row: CallRow): StoredCall {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    cohortId: row.cohort_id,
    cohortName: row.cohort_name,
    programId: row.program_id,
    programName: row.program_name,
    organisationSlug: row.organisation_slug,
    organisationName: row.organisation_name,
    timeZone: row.time_zone,
    defaultLocale: row.default_locale,
    slug: row.slug,
    title: { fr: row.title_fr, en: row.title_en },
    description: { fr: row.description_fr, en: row.description_en },
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    status: row.status,
    assignmentMode: row.assignment_mode,
    reviewersPerApplication: row.reviewers_per_application,
    accepting: row.accepting,
    applicationCount: Number(row.application_count),
    reviewerCount: Number(row.reviewer_count),
    createdAt: row.created_at.toISOString(),
  };
}

export function toCallSummary(call: StoredCall): CallSummaryResponse {
  return {
    id: call.id,
    slug: call.slug,
    cohortId: call.cohortId,
    cohortName: call.cohortName,
    programId: call.programId,
    programName: call.programName,
    title: call.title,
    status: call.status,
    opensOn: call.opensOn,
    closesOn: call.closesOn,
    acceptingApplications: call.accepting,
    applicationCount: call.applicationCount,
    publicPath: `/apply/${call.organisationSlug}/${call.slug}`,
  };
}

function toQuestion(row: QuestionRow): QuestionResponse {
  return {
    id: row.id,
    position: row.position,
    kind: row.kind,
    label: { fr: row.label_fr, en: row.label_en },
    help: row.help_fr !== null && row.help_en !== null ? { fr: row.help_fr, en: row.help_en } : null,
    required: row.required,
    eligibility: row.eligibility,
    options: row.options,
    eligibleValues: row.eligible_values,
    maxLength: row.max_length,
  };
}

function toCriterion(row: CriterionRow): CriterionResponse {
  return {
    id: row.id,
    position: row.position,
    label: { fr: row.label_fr, en: row.label_en },
    description: row.description_fr !== null && row.description_en !== null ? { fr: row.description_fr, en: row.description_en } : null,
    weight: row.weight,
  };
}
