import { defineErrors, DomainError } from '@incubator/api/errors';
import type { DomainErrorBody } from '@incubator/api/errors';
import type { Locale, StartupImportResult } from '@incubator/contracts';

export const StartupErrors = defineErrors('startup', {
  not_found: { status: 404, message: { fr: 'Startup introuvable.', en: 'No such startup.' } },
  /** Details: the startup of the same organisation that has the SIREN (`startupId`, `legalName`), for the client to link to. */
  siren_taken: {
    status: 409,
    message: { fr: 'Ce SIREN est déjà enregistré pour {legalName}.', en: 'This SIREN is already registered for {legalName}.' },
    fields: { siren: { fr: 'SIREN déjà enregistré pour {legalName}', en: 'SIREN already registered for {legalName}' } },
  },
  siren_required: {
    status: 400,
    message: { fr: 'Une startup française doit avoir son SIREN.', en: 'A French startup needs its SIREN.' },
    fields: { siren: { fr: 'SIREN obligatoire pour une société française', en: 'siren is required when country is FR' } },
  },
  contact_not_found: { status: 404, message: { fr: 'Contact introuvable.', en: 'No such contact.' } },
  /** Thrown through importRefused(): the body also carries the import's result, every bad line named. */
  import_refused: { status: 422, message: { fr: 'Import refusé : aucune startup écrite.', en: 'Import refused: nothing was written.' } },
  import_file_required: {
    status: 415,
    message: { fr: 'Envoyez le fichier en text/csv ou en XLSX.', en: 'Send the file as text/csv or XLSX.' },
  },
});

/** An import's line errors in the caller's language (computed by the import), sent with the refusal. */
class StartupImportRefused extends DomainError {
  constructor(
    error: DomainError,
    private readonly result: StartupImportResult,
  ) {
    super(error.code, error.entry, error.details);
  }

  override render(locale: Locale): DomainErrorBody {
    return { ...super.render(locale), ...this.result };
  }
}

/** `startup.import_refused` (422) with the import's result: nothing was written, every bad line is listed. */
export function startupImportRefused(result: StartupImportResult): DomainError {
  return new StartupImportRefused(StartupErrors.import_refused(), result);
}
