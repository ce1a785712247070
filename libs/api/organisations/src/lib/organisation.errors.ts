import { defineErrors } from '@incubator/api/errors';

export const OrganisationErrors = defineErrors('organisation', {
  not_found: { status: 404, message: { fr: 'Organisation introuvable.', en: 'No such organisation.' } },
});
