import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import type { CreateMilestoneRequest, MilestoneCommentResponse, MilestoneResponse, UpdateMilestoneRequest } from '@incubator/contracts';
import { assertStartupVisible } from '@incubator/api/startups';

const SELECT = `
  SELECT m.*,
         m.status IN ('planned', 'in_progress') AND m.due_on < (now() AT TIME ZONE o.time_zone)::date AS overdue,
         coalesce((SELECT json_agg(json_build_object('id', mc.id, 'author', coalesce(u.display_name, '—'), 'body', mc.body,
                                                     'createdAt', mc.created_at) ORDER BY mc.created_at, mc.id)
                   FROM milestone_comments mc LEFT JOIN users u ON u.id = mc.author_id WHERE mc.milestone_id = m.id), '[]') AS comments
  FROM milestones m JOIN organisations o ON o.id = m.organisation_id`;

/**
 * A startup's milestones. The startup's members and the managers write them; managers review them with
 * comments; overdue means due before today in the organisation's time zone and not yet achieved or missed.
 */
@Injectable()
export class MilestoneService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, startupId: string): Promise<MilestoneResponse[]> {
    await assertStartupVisible(this.dataSource, caller, startupId);
    const rows = await this.dataSource.query(`${SELECT} WHERE m.startup_id = $1 AND m.organisation_id = $2 ORDER BY m.due_on, m.id`, [
      startupId,
      caller.organisationId,
    ]);
    return rows.map(toResponse);
  }

  async create(caller: Caller, startupId: string, request: CreateMilestoneRequest): Promise<MilestoneResponse> {
    await assertStartupVisible(this.dataSource, caller, startupId);
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO milestones (organisation_id, startup_id, title, category, due_on, status, evidence_note, evidence_url)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [caller.organisationId, startupId, request.title, request.category, request.dueOn, request.status ?? 'planned', request.evidenceNote ?? null, request.evidenceUrl ?? null],
      );
      await this.auditChange(manager, caller, 'milestone.created', row.id, null, { ...request });
      return row.id as string;
    });
    return this.get(caller, startupId, id);
  }

  async update(caller: Caller, startupId: string, id: string, change: UpdateMilestoneRequest): Promise<MilestoneResponse> {
    const before = await this.get(caller, startupId, id);
    const next = {
      title: before.title,
      category: before.category,
      dueOn: before.dueOn,
      status: before.status,
      evidenceNote: before.evidenceNote ?? undefined,
      evidenceUrl: before.evidenceUrl ?? undefined,
      ...change,
    };
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE milestones SET title = $3, category = $4, due_on = $5, status = $6, evidence_note = $7, evidence_url = $8, updated_at = now()
         WHERE id = $1 AND startup_id = $2`,
        [id, startupId, next.title, next.category, next.dueOn, next.status, next.evidenceNote ?? null, next.evidenceUrl ?? null],
      );
      const previous = { title: before.title, category: before.category, dueOn: before.dueOn, status: before.status, evidenceNote: before.evidenceNote, evidenceUrl: before.evidenceUrl };
      await this.auditChange(manager, caller, 'milestone.updated', id, previous, next);
    });
    return this.get(caller, startupId, id);
  }

  async comment(caller: Caller, startupId: string, id: string, body: string): Promise<MilestoneCommentResponse> {
    await this.get(caller, startupId, id);
    const [row] = await this.dataSource.query(
      'INSERT INTO milestone_comments (milestone_id, author_id, body) VALUES ($1, $2, $3) RETURNING id, created_at',
      [id, caller.userId, body],
    );
    const [author] = await this.dataSource.query('SELECT display_name FROM users WHERE id = $1', [caller.userId]);
    return { id: row.id, author: author.display_name, body, createdAt: row.created_at.toISOString() };
  }

  private async get(caller: Caller, startupId: string, id: string): Promise<MilestoneResponse> {
    await assertStartupVisible(this.dataSource, caller, startupId);
    const [row] = await this.dataSource.query(`${SELECT} WHERE m.id = $1 AND m.startup_id = $2 AND m.organisation_id = $3`, [
      id,
      startupId,
      caller.organisationId,
    ]);
    if (!row) throw new NotFoundException('No such milestone');
    return toResponse(row);
  }

  private auditChange(manager: EntityManager, caller: Caller, action: string, id: string, before: object | null, after: object) {
    return this.audit.recordBy(manager, caller, {
      action,
      entityType: 'milestone',
      entityId: id,
      before,
      after,
    });
  }
}

function toResponse(row: Record<string, unknown>): MilestoneResponse {
  return {
    id: row['id'] as string,
    startupId: row['startup_id'] as string,
    title: row['title'] as string,
    category: row['category'] as MilestoneResponse['category'],
    dueOn: row['due_on'] as string,
    status: row['status'] as MilestoneResponse['status'],
    evidenceNote: (row['evidence_note'] as string | null) ?? null,
    evidenceUrl: (row['evidence_url'] as string | null) ?? null,
    overdue: row['overdue'] as boolean,
    comments: (row['comments'] as MilestoneCommentResponse[]).map((c) => ({ ...c, createdAt: new Date(c.createdAt).toISOString() })),
    updatedAt: (row['updated_at'] as Date).toISOString(),
  };
}
