import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LocalisedText, ScoreInput } from '@incubator/contracts';
import type { Queryable } from '@incubator/api/sql';

interface AssignmentRow {
  application_id: string;
  reviewer_id: string;
  reviewer_name: string;
  conflict_declared_at: Date | null;
  conflict_reason: string | null;
}

interface ReviewRow {
  application_id: string;
  reviewer_id: string;
  reviewer_name: string;
  comment: string | null;
  submitted_at: Date | null;
  scores: ScoreInput[] | null;
}

interface MyAssignmentRow {
  application_id: string;
  call_id: string;
  title_fr: string;
  title_en: string;
  startup_name: string;
  submitted_at: Date;
  review_submitted_at: Date | null;
  has_review: boolean;
}

interface LoadRow {
  reviewer_id: string;
  count: number;
}

export interface StoredAssignment {
  applicationId: string;
  reviewerId: string;
  reviewerName: string;
  conflictDeclaredAt: string | null;
  conflictReason: string | null;
}

export interface StoredReview {
  applicationId: string;
  reviewerId: string;
  reviewerName: string;
  comment: string | null;
  submittedAt: string | null;
  scores: ScoreInput[];
}

export interface MyAssignment {
  applicationId: string;
  callId: string;
  callTitle: LocalisedText;
  startupName: string;
  submittedAt: string;
  myReviewStatus: 'todo' | 'draft' | 'submitted';
}

const REVIEW_SELECT = `
  SELECT v.application_id, v.reviewer_id, u.display_name AS reviewer_name, v.comment, v.submitted_at,
         (SELECT json_agg(json_build_object('criterionId', s.criterion_id, 'score', s.score) ORDER BY c.position)
            FROM application_scores s JOIN application_criteria c ON c.id = s.criterion_id
           WHERE s.application_id = v.application_id AND s.reviewer_id = v.reviewer_id) AS scores
  FROM application_reviews v JOIN users u ON u.id = v.reviewer_id`;

/** Every statement on application_assignments, application_reviews and application_scores. */
@Injectable()
export class ReviewRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The live (no conflict) assignments of a reviewer, on applications still under review or later. */
  async mine(organisationId: string, reviewerId: string, db: Queryable = this.dataSource): Promise<MyAssignment[]> {
    const rows = await db.query<MyAssignmentRow[]>(
      `SELECT a.id AS application_id, a.call_id, c.title_fr, c.title_en, a.startup_name, a.submitted_at,
              v.submitted_at AS review_submitted_at, (v.reviewer_id IS NOT NULL) AS has_review
       FROM application_assignments x
       JOIN applications a ON a.id = x.application_id
       JOIN application_calls c ON c.id = a.call_id
       LEFT JOIN application_reviews v ON v.application_id = x.application_id AND v.reviewer_id = x.reviewer_id
       WHERE x.organisation_id = $1 AND x.reviewer_id = $2 AND x.conflict_declared_at IS NULL AND a.status <> 'draft'
       ORDER BY a.submitted_at, a.id LIMIT 2000`,
      [organisationId, reviewerId],
    );
    return rows.map((row) => ({
      applicationId: row.application_id,
      callId: row.call_id,
      callTitle: { fr: row.title_fr, en: row.title_en },
      startupName: row.startup_name,
      submittedAt: row.submitted_at.toISOString(),
      myReviewStatus: row.review_submitted_at ? 'submitted' : row.has_review ? 'draft' : 'todo',
    }));
  }

  /** The reviewer's live assignment to the application, if any. */
  async liveAssignment(organisationId: string, applicationId: string, reviewerId: string, db: Queryable = this.dataSource): Promise<boolean> {
    const rows = await db.query<Array<{ application_id: string }>>(
      `SELECT application_id FROM application_assignments
       WHERE organisation_id = $1 AND application_id = $2 AND reviewer_id = $3 AND conflict_declared_at IS NULL`,
      [organisationId, applicationId, reviewerId],
    );
    return rows.length > 0;
  }

  async assignments(applicationId: string, db: Queryable = this.dataSource): Promise<StoredAssignment[]> {
    const rows = await db.query<AssignmentRow[]>(
      `SELECT x.application_id, x.reviewer_id, u.display_name AS reviewer_name, x.conflict_declared_at, x.conflict_reason
       FROM application_assignments x JOIN users u ON u.id = x.reviewer_id WHERE x.application_id = $1 ORDER BY x.created_at, x.reviewer_id`,
      [applicationId],
    );
    return rows.map((row) => ({
      applicationId: row.application_id,
      reviewerId: row.reviewer_id,
      reviewerName: row.reviewer_name,
      conflictDeclaredAt: row.conflict_declared_at?.toISOString() ?? null,
      conflictReason: row.conflict_reason,
    }));
  }

  /** Every assignment row of the call's applications (conflicts included), for planning. */
  async callAssignments(db: Queryable, callId: string): Promise<StoredAssignment[]> {
    const rows = await db.query<AssignmentRow[]>(
      `SELECT x.application_id, x.reviewer_id, '' AS reviewer_name, x.conflict_declared_at, x.conflict_reason
       FROM application_assignments x JOIN applications a ON a.id = x.application_id WHERE a.call_id = $1`,
      [callId],
    );
    return rows.map((row) => ({
      applicationId: row.application_id,
      reviewerId: row.reviewer_id,
      reviewerName: row.reviewer_name,
      conflictDeclaredAt: row.conflict_declared_at?.toISOString() ?? null,
      conflictReason: row.conflict_reason,
    }));
  }

  /** Live assignments per reviewer in the call. */
  async load(db: Queryable, callId: string): Promise<Map<string, number>> {
    const rows = await db.query<LoadRow[]>(
      `SELECT x.reviewer_id, count(*)::int AS count FROM application_assignments x JOIN applications a ON a.id = x.application_id
       WHERE a.call_id = $1 AND x.conflict_declared_at IS NULL GROUP BY x.reviewer_id`,
      [callId],
    );
    return new Map(rows.map((row) => [row.reviewer_id, Number(row.count)]));
  }

  async assign(db: Queryable, organisationId: string, pairs: Array<{ applicationId: string; reviewerId: string }>): Promise<number> {
    if (pairs.length === 0) return 0;
    const rows = await db.query<Array<{ application_id: string }>>(
      `INSERT INTO application_assignments (organisation_id, application_id, reviewer_id)
       SELECT $1, * FROM unnest($2::uuid[], $3::uuid[]) ON CONFLICT DO NOTHING RETURNING application_id`,
      [organisationId, pairs.map((p) => p.applicationId), pairs.map((p) => p.reviewerId)],
    );
    return rows.length;
  }

  /** The conflict takes the reviewer off the application: their review (and scores) go. */
  async declareConflict(db: Queryable, applicationId: string, reviewerId: string, reason: string | null): Promise<void> {
    await db.query('DELETE FROM application_reviews WHERE application_id = $1 AND reviewer_id = $2', [applicationId, reviewerId]);
    await db.query(
      `UPDATE application_assignments SET conflict_declared_at = now(), conflict_reason = $3 WHERE application_id = $1 AND reviewer_id = $2`,
      [applicationId, reviewerId, reason],
    );
  }

  async reviews(applicationId: string, db: Queryable = this.dataSource): Promise<StoredReview[]> {
    const rows = await db.query<ReviewRow[]>(`${REVIEW_SELECT} WHERE v.application_id = $1 ORDER BY v.submitted_at NULLS LAST, v.reviewer_id`, [applicationId]);
    return rows.map(toReview);
  }

  /** Submitted reviews of every application of a call, for ranking. */
  async submittedForCall(organisationId: string, callId: string, db: Queryable = this.dataSource): Promise<StoredReview[]> {
    const rows = await db.query<ReviewRow[]>(
      `${REVIEW_SELECT} JOIN applications a ON a.id = v.application_id
       WHERE a.organisation_id = $1 AND a.call_id = $2 AND v.submitted_at IS NOT NULL`,
      [organisationId, callId],
    );
    return rows.map(toReview);
  }

  /** Live assignment counts per application of the call. */
  async assignedCounts(organisationId: string, callId: string, db: Queryable = this.dataSource): Promise<Map<string, number>> {
    const rows = await db.query<Array<{ application_id: string; count: number }>>(
      `SELECT x.application_id, count(*)::int AS count FROM application_assignments x JOIN applications a ON a.id = x.application_id
       WHERE a.organisation_id = $1 AND a.call_id = $2 AND x.conflict_declared_at IS NULL GROUP BY x.application_id`,
      [organisationId, callId],
    );
    return new Map(rows.map((row) => [row.application_id, Number(row.count)]));
  }

  async lockReview(db: Queryable, applicationId: string, reviewerId: string): Promise<{ submittedAt: Date | null } | null> {
    const [row] = await db.query<Array<{ submitted_at: Date | null }>>(
      'SELECT submitted_at FROM application_reviews WHERE application_id = $1 AND reviewer_id = $2 FOR UPDATE',
      [applicationId, reviewerId],
    );
    return row ? { submittedAt: row.submitted_at } : null;
  }

  /** Writes the reviewer's scores and comment (replacing earlier ones); `submit` makes them final. */
  async save(
    db: Queryable,
    input: { organisationId: string; applicationId: string; reviewerId: string; comment: string | null; scores: ScoreInput[]; submit: boolean },
  ): Promise<void> {
    await db.query(
      `INSERT INTO application_reviews (organisation_id, application_id, reviewer_id, comment, submitted_at)
       VALUES ($1, $2, $3, $4, CASE WHEN $5::boolean THEN now() END)
       ON CONFLICT (application_id, reviewer_id) DO UPDATE
         SET comment = EXCLUDED.comment, submitted_at = EXCLUDED.submitted_at, updated_at = now()`,
      [input.organisationId, input.applicationId, input.reviewerId, input.comment, input.submit],
    );
    await db.query('DELETE FROM application_scores WHERE application_id = $1 AND reviewer_id = $2', [input.applicationId, input.reviewerId]);
    if (input.scores.length > 0) {
      await db.query(
        `INSERT INTO application_scores (organisation_id, application_id, reviewer_id, criterion_id, score)
         SELECT $1, $2, $3, * FROM unnest($4::uuid[], $5::int[])`,
        [input.organisationId, input.applicationId, input.reviewerId, input.scores.map((s) => s.criterionId), input.scores.map((s) => s.score)],
      );
    }
  }
}

function toReview(row: ReviewRow): StoredReview {
  return {
    applicationId: row.application_id,
    reviewerId: row.reviewer_id,
    reviewerName: row.reviewer_name,
    comment: row.comment,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    scores: row.scores ?? [],
  };
}
