import { defineErrors } from '@incubator/api/errors';

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
});
