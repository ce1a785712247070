import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MilestoneCategory, MilestoneCommentResponse, MilestoneResponse, MilestoneStatus } from '@incubator/contracts';
import type { Queryable } from '@incubator/api/sql';

/** Comments name their author: a read of identity's users, kept in this one statement for the join. */
const SELECT = `
  SELECT m.*,
         m.status IN ('planned', 'in_progress') AND m.due_on < (now() AT TIME ZONE o.time_zone)::date AS overdue,
         coalesce((SELECT json_agg(json_build_object('id', mc.id, 'author', coalesce(u.display_name, '—'), 'body', mc.body,
                                                     'createdAt', mc.created_at) ORDER BY mc.created_at, mc.id)
                   FROM milestone_comments mc LEFT JOIN users u ON u.id = mc.author_id WHERE mc.milestone_id = m.id), '[]') AS comments
  FROM milestones m JOIN organisations o ON o.id = m.organisation_id`;

interface MilestoneRow {
  id: string;
  organisation_id: string;
  startup_id: string;
  title: string;
  category: MilestoneCategory;
  /** DATE columns come back as 'YYYY-MM-DD' strings. */
  due_on: string;
  status: MilestoneStatus;
  evidence_note: string | null;
  evidence_url: string | null;
  overdue: boolean;
  /** json_agg: `createdAt` is the timestamp as JSON text. */
  comments: MilestoneCommentResponse[];
  updated_at: Date;
}

interface IdRow {
  id: string;
}

interface CommentRow {
  id: string;
  created_at: Date;
}

/** A milestone's fields as stored (absent evidence is null). */
export interface MilestoneRecord {
  title: string;
  category: MilestoneCategory;
  dueOn: string;
  status: MilestoneStatus;
  evidenceNote: string | null;
  evidenceUrl: string | null;
}

/** Every statement on `milestones` and `milestone_comments`. */
@Injectable()
export class MilestoneRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(organisationId: string, startupId: string, db: Queryable = this.dataSource): Promise<MilestoneResponse[]> {
    const rows = await db.query<MilestoneRow[]>(`${SELECT} WHERE m.startup_id = $1 AND m.organisation_id = $2 ORDER BY m.due_on, m.id`, [startupId, organisationId]);
    return rows.map(toMilestone);
  }

  async find(organisationId: string, startupId: string, id: string, db: Queryable = this.dataSource): Promise<MilestoneResponse | null> {
    const [row] = await db.query<MilestoneRow[]>(`${SELECT} WHERE m.id = $1 AND m.startup_id = $2 AND m.organisation_id = $3`, [id, startupId, organisationId]);
    return row ? toMilestone(row) : null;
  }

  async insert(db: Queryable, organisationId: string, startupId: string, fields: MilestoneRecord): Promise<string> {
    const [row] = await db.query<IdRow[]>(
      `INSERT INTO milestones (organisation_id, startup_id, title, category, due_on, status, evidence_note, evidence_url)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [organisationId, startupId, fields.title, fields.category, fields.dueOn, fields.status, fields.evidenceNote, fields.evidenceUrl],
    );
    return row.id;
  }

  async update(db: Queryable, startupId: string, id: string, fields: MilestoneRecord): Promise<void> {
    await db.query(
      `UPDATE milestones SET title = $3, category = $4, due_on = $5, status = $6, evidence_note = $7, evidence_url = $8, updated_at = now()
       WHERE id = $1 AND startup_id = $2`,
      [id, startupId, fields.title, fields.category, fields.dueOn, fields.status, fields.evidenceNote, fields.evidenceUrl],
    );
  }

  async addComment(milestoneId: string, authorId: string, body: string, db: Queryable = this.dataSource): Promise<{ id: string; createdAt: string }> {
    const [row] = await db.query<CommentRow[]>('INSERT INTO milestone_comments (milestone_id, author_id, body) VALUES ($1, $2, $3) RETURNING id, created_at', [
      milestoneId,
      authorId,
      body,
    ]);
    return { id: row.id, createdAt: row.created_at.toISOString() };
  }
}

function toMilestone(row: MilestoneRow): MilestoneResponse {
  return {
    id: row.id,
    startupId: row.startup_id,
    title: row.title,
    category: row.category,
    dueOn: row.due_on,
    status: row.status,
    evidenceNote: row.evidence_note,
    evidenceUrl: row.evidence_url,
    overdue: row.overdue,
    comments: row.comments.map((c) => ({ ...c, createdAt: new Date(c.createdAt).toISOString() })),
    updatedAt: row.updated_at.toISOString(),
  };
}
