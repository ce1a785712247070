import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import { MemberDirectory, type Caller } from '@incubator/api/identity';
import type { CreateMilestoneRequest, MilestoneCommentResponse, MilestoneResponse, UpdateMilestoneRequest } from '@incubator/contracts';
import { assertStartupVisible } from '@incubator/api/startups';
import { MilestoneRepository } from './milestone.repository';
import { ProgramErrors } from './program.errors';

/**
 * A startup's milestones. The startup's members and the managers write them; managers review them with
 * comments; overdue means due before today in the organisation's time zone and not yet achieved or missed.
 */
@Injectable()
export class MilestoneService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly milestones: MilestoneRepository,
    private readonly members: MemberDirectory,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, startupId: string): Promise<MilestoneResponse[]> {
    await assertStartupVisible(this.dataSource, caller, startupId);
    return this.milestones.list(caller.organisationId, startupId);
  }

  async create(caller: Caller, startupId: string, request: CreateMilestoneRequest): Promise<MilestoneResponse> {
    await assertStartupVisible(this.dataSource, caller, startupId);
    const id = await this.dataSource.transaction(async (manager) => {
      const id = await this.milestones.insert(manager, caller.organisationId, startupId, {
        title: request.title,
        category: request.category,
        dueOn: request.dueOn,
        status: request.status ?? 'planned',
        evidenceNote: request.evidenceNote ?? null,
        evidenceUrl: request.evidenceUrl ?? null,
      });
      await this.auditChange(manager, caller, 'milestone.created', id, null, { ...request });
      return id;
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
      await this.milestones.update(manager, startupId, id, { ...next, evidenceNote: next.evidenceNote ?? null, evidenceUrl: next.evidenceUrl ?? null });
      const previous = { title: before.title, category: before.category, dueOn: before.dueOn, status: before.status, evidenceNote: before.evidenceNote, evidenceUrl: before.evidenceUrl };
      await this.auditChange(manager, caller, 'milestone.updated', id, previous, next);
    });
    return this.get(caller, startupId, id);
  }

  async comment(caller: Caller, startupId: string, id: string, body: string): Promise<MilestoneCommentResponse> {
    await this.get(caller, startupId, id);
    const comment = await this.milestones.addComment(id, caller.userId, body);
    const author = await this.members.displayName(caller.userId);
    return { id: comment.id, author: author ?? '—', body, createdAt: comment.createdAt };
  }

  private async get(caller: Caller, startupId: string, id: string): Promise<MilestoneResponse> {
    await assertStartupVisible(this.dataSource, caller, startupId);
    const milestone = await this.milestones.find(caller.organisationId, startupId, id);
    if (!milestone) throw ProgramErrors.milestone_not_found();
    return milestone;
  }

  private auditChange(manager: EntityManager, caller: Caller, action: string, id: string, before: object | null, after: object) {
    return this.audit.recordBy(manager, caller, { action, entityType: 'milestone', entityId: id, before, after });
  }
}
