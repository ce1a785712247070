import { defineErrors } from '@incubator/api/errors';

export const OrganisationErrors = defineErrors('organisation', {
  not_found: { status: 404, message: { fr: 'Organisation introuvable.', en: 'No such organisation.' } },
  slug_taken: {
    status: 409,
    message: { fr: 'L’identifiant « {slug} » est déjà pris par une autre organisation.', en: 'The slug “{slug}” is already used by another organisation.' },
    fields: { slug: { fr: 'déjà pris', en: 'already taken' } },
  },
  siret_not_of_siren: {
    status: 400,
    message: { fr: 'Le SIRET {siret} ne commence pas par le SIREN {siren}.', en: 'The SIRET {siret} does not start with the SIREN {siren}.' },
    fields: { siret: { fr: 'doit commencer par le SIREN', en: 'must start with the SIREN' } },
  },
  siret_without_siren: { status: 400, message: { fr: 'Un SIRET demande un SIREN.', en: 'A SIRET needs a SIREN.' }, fields: { siret: { fr: 'demande un SIREN', en: 'needs a SIREN' } } },
  vat_not_of_siren: {
    status: 400,
    message: { fr: 'Le numéro de TVA {vatNumber} ne correspond pas au SIREN {siren}.', en: 'The VAT number {vatNumber} does not match the SIREN {siren}.' },
    fields: { vatNumber: { fr: 'ne correspond pas au SIREN', en: 'does not match the SIREN' } },
  },
  unknown_time_zone: { status: 400, message: { fr: 'Fuseau horaire inconnu : {timeZone}.', en: 'Unknown time zone: {timeZone}.' }, fields: { timeZone: { fr: 'fuseau horaire inconnu', en: 'unknown time zone' } } },
  logo_not_an_image: {
    status: 400,
    message: { fr: 'Le logo doit être une image PNG ou JPEG du type annoncé.', en: 'The logo must be a PNG or JPEG image of the declared type.' },
  },
  logo_too_large: {
    status: 413,
    message: { fr: 'Le logo pèse {size} octets ; au plus {max} octets.', en: 'The logo is {size} bytes; at most {max} bytes.' },
  },
  logo_not_found: { status: 404, message: { fr: 'Cette organisation n’a pas de logo.', en: 'This organisation has no logo.' } },
  already_suspended: { status: 409, message: { fr: 'L’organisation est déjà suspendue.', en: 'The organisation is already suspended.' } },
  not_suspended: { status: 409, message: { fr: 'L’organisation n’est pas suspendue.', en: 'The organisation is not suspended.' } },
});
