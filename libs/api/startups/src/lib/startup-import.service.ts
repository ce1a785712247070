import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import { DomainError } from '@incubator/api/errors';
import { InvitationService } from '@incubator/api/identity';
import type { Caller } from '@incubator/api/identity';
import { organisationToday } from '@incubator/api/organisations';
import { isUniqueViolation } from '@incubator/api/sql';
import { STARTUP_IMPORT_MAX_LINES } from '@incubator/contracts';
import type { Locale, StartupImportResult } from '@incubator/contracts';
import { ContactRepository, NewContact } from './contact.repository';
import { checkImport, ImportLine, ImportProblem, ImportTable, readCsv, readXlsx } from './startup-import';
import { startupImportRefused } from './startup.errors';
import { StartupRepository } from './startup.repository';

export interface StartupImportOptions {
  dryRun: boolean;
  invite: boolean;
  locale: Locale;
}

/**
 * Startups (and one contact each) from a CSV or XLSX file, French or English headers. Every line is
 * checked (SIREN check digit, SIREN twice in the file or already registered, sector and stage as code
 * or label, date, team size, contact details); nothing is written unless every line is good, and then
 * everything in one transaction. With `invite`, each contact e-mail is invited as a member of its startup.
 */
@Injectable()
export class StartupImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly startups: StartupRepository,
    private readonly contacts: ContactRepository,
    private readonly invitations: InvitationService,
    private readonly audit: AuditService,
  ) {}

  /** `file`: the CSV text, or the XLSX bytes. A refused import (any bad line, unless a dry run) throws `startup.import_refused`. */
  async import(caller: Caller, file: string | Buffer, options: StartupImportOptions): Promise<StartupImportResult> {
    const result = (lines: number, problems: ImportProblem[]): StartupImportResult => ({
      dryRun: options.dryRun,
      lines,
      imported: 0,
      contacts: 0,
      invited: 0,
      inviteFailures: [],
      errors: problems.sort((a, b) => a.line - b.line).map((p) => ({ line: p.line, field: p.field, message: p.text[options.locale] })),
    });

    let table: ImportTable;
    try {
      table = typeof file === 'string' ? readCsv(file) : await readXlsx(file);
    } catch (error) {
      const line = (error as { lines?: number }).lines ?? 1;
      const reason = (error as Error).message;
      throw startupImportRefused(result(0, [{ line, field: null, text: { fr: `fichier illisible : ${reason}`, en: `unreadable file: ${reason}` } }]));
    }
    const count = Math.max(table.rows.length - 1, 0);
    if (count > STARTUP_IMPORT_MAX_LINES) {
      const max = STARTUP_IMPORT_MAX_LINES;
      throw startupImportRefused(result(count, [{ line: 1, field: null, text: { fr: `au plus ${max.toLocaleString('fr-FR')} lignes par import (${count} lues)`, en: `at most ${max.toLocaleString('en-GB')} lines per import (${count} read)` } }]));
    }

    const { lines, problems } = await this.check(caller.organisationId, table);
    if (problems.length || options.dryRun) {
      const checked = result(count, problems);
      if (problems.length && !options.dryRun) throw startupImportRefused(checked);
      return checked;
    }

    const written = await this.write(caller, lines).catch(async (error: unknown) => {
      // Another import or registration took one of the SIRENs meanwhile: the re-check names it.
      if (!isUniqueViolation(error)) throw error;
      throw startupImportRefused(result(count, (await this.check(caller.organisationId, table)).problems));
    });
    const done: StartupImportResult = { ...result(count, []), imported: lines.length, contacts: written.length };
    if (options.invite) await this.invite(caller, written, options.locale, done);
    return done;
  }

  private async check(organisationId: string, table: ImportTable): Promise<{ lines: ImportLine[]; problems: ImportProblem[] }> {
    const today = await organisationToday(this.dataSource, organisationId);
    const { lines, problems } = checkImport(table, today);
    const taken = await this.startups.sirenHolders(organisationId, lines.map((l) => l.siren));
    const good = lines.filter((l) => {
      const holder = taken.get(l.siren);
      if (holder !== undefined) problems.push({ line: l.line, field: 'siren', text: { fr: `SIREN déjà enregistré pour ${holder}`, en: `SIREN already registered for ${holder}` } });
      return holder === undefined;
    });
    return { lines: good, problems };
  }

  private write(caller: Caller, lines: ImportLine[]): Promise<NewContact[]> {
    return this.dataSource.transaction(async (manager) => {
      const contacts: NewContact[] = [];
      const ids: string[] = [];
      for (const l of lines) {
        const id = await this.startups.insert(manager, caller.organisationId, {
          legalName: l.legalName,
          country: 'FR',
          siren: l.siren,
          sector: l.sector,
          stage: l.stage,
          foundedOn: l.foundedOn ?? undefined,
          teamSize: l.teamSize,
        });
        ids.push(id);
        if (l.contact) contacts.push({ ...l.contact, startupId: id });
      }
      await this.contacts.insertMany(manager, caller.organisationId, contacts);
      await this.audit.recordBy(manager, caller, {
        action: 'startup.imported',
        entityType: 'startup',
        entityId: ids[0],
        before: null,
        after: { startups: ids.length, contacts: contacts.length, sirens: lines.map((l) => l.siren) },
      });
      return contacts;
    });
  }

  /** One invitation per contact e-mail, after the import has committed; a refusal (already a member…) is reported, not fatal. */
  private async invite(caller: Caller, contacts: NewContact[], locale: Locale, result: StartupImportResult): Promise<void> {
    for (const contact of contacts) {
      if (!contact.email) continue;
      try {
        await this.invitations.invite(caller, { email: contact.email, role: 'startup', startupId: contact.startupId });
        result.invited++;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        result.inviteFailures.push({ email: contact.email, message: error.render(locale).message });
      }
    }
  }
}
