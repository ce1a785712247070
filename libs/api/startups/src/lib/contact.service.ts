import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import type { StartupContactRequest, StartupContactResponse, UpdateStartupContactRequest } from '@incubator/contracts';
import { ContactRepository } from './contact.repository';
import { StartupErrors } from './startup.errors';
import { assertStartupVisible } from './startup-visibility';

/**
 * The contacts on a startup's profile: managers keep them; a startup member sees their own startup's
 * (another startup's, or another organisation's, is a 404). Every change is audited.
 */
@Injectable()
export class ContactService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contacts: ContactRepository,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, startupId: string): Promise<StartupContactResponse[]> {
    await assertStartupVisible(this.dataSource, caller, startupId);
    return this.contacts.list(caller.organisationId, startupId);
  }

  async create(caller: Caller, startupId: string, request: StartupContactRequest): Promise<StartupContactResponse> {
    return this.dataSource.transaction(async (manager) => {
      await assertStartupVisible(manager, caller, startupId);
      const [contact] = await this.contacts.insertMany(manager, caller.organisationId, [{ ...request, startupId }]);
      await this.audit.recordBy(manager, caller, { action: 'startup_contact.created', entityType: 'startup_contact', entityId: contact.id, after: { startupId, ...request } });
      return contact;
    });
  }

  async update(caller: Caller, startupId: string, id: string, change: UpdateStartupContactRequest): Promise<StartupContactResponse> {
    return this.dataSource.transaction(async (manager) => {
      await assertStartupVisible(manager, caller, startupId);
      const before = await this.contacts.find(caller.organisationId, startupId, id, manager);
      if (!before) throw StartupErrors.contact_not_found();
      const next: StartupContactRequest = { name: before.name, role: before.role, email: before.email, phone: before.phone, ...change };
      await this.contacts.update(manager, caller.organisationId, id, next);
      await this.audit.recordBy(manager, caller, {
        action: 'startup_contact.updated',
        entityType: 'startup_contact',
        entityId: id,
        before: { name: before.name, role: before.role, email: before.email, phone: before.phone },
        after: { ...next },
      });
      const after = await this.contacts.find(caller.organisationId, startupId, id, manager);
      if (!after) throw StartupErrors.contact_not_found();
      return after;
    });
  }

  async delete(caller: Caller, startupId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await assertStartupVisible(manager, caller, startupId);
      const before = await this.contacts.find(caller.organisationId, startupId, id, manager);
      if (!before) throw StartupErrors.contact_not_found();
      await this.contacts.delete(manager, caller.organisationId, id);
      await this.audit.recordBy(manager, caller, { action: 'startup_contact.deleted', entityType: 'startup_contact', entityId: id, before: { ...before }, after: null });
    });
  }
}
