import { defineErrors } from '@incubator/api/errors';

/** Programs, cohorts, enrollments and milestones. */
export const ProgramErrors = defineErrors('program', {
  not_found: {
    status: 404,
    message: { fr: 'Programme inconnu dans cette organisation.', en: 'No such program in this organisation.' },
    fields: { programId: { fr: 'programme inconnu dans cette organisation', en: 'no such program in this organisation' } },
  },
  site_not_found: {
    status: 404,
    message: { fr: 'Site inconnu dans cette organisation.', en: 'No such site in this organisation.' },
    fields: { siteId: { fr: 'site inconnu dans cette organisation', en: 'no such site in this organisation' } },
  },
  name_taken: {
    status: 409,
    message: { fr: 'Ce site a déjà un programme de ce nom.', en: 'This site already has a program with that name.' },
    fields: { name: { fr: 'nom déjà utilisé sur ce site', en: 'name is already used on this site' } },
  },
  archived: {
    status: 409,
    message: { fr: 'Ce programme est archivé : restaurez-le d’abord.', en: 'This program is archived: restore it first.' },
    fields: { programId: { fr: 'programme archivé', en: 'the program is archived' } },
  },
  cohort_archived: {
    status: 409,
    message: { fr: 'Cette promotion est archivée : restaurez-la d’abord.', en: 'This cohort is archived: restore it first.' },
    fields: { cohortId: { fr: 'promotion archivée', en: 'the cohort is archived' } },
  },
  cohort_not_found: { status: 404, message: { fr: 'Promotion introuvable.', en: 'No such cohort.' } },
  cohort_unknown: {
    status: 404,
    message: { fr: 'Promotion inconnue dans cette organisation.', en: 'No such cohort in this organisation.' },
    fields: { cohortId: { fr: 'promotion inconnue dans cette organisation', en: 'no such cohort in this organisation' } },
  },
  cohort_name_taken: {
    status: 409,
    message: { fr: 'Ce programme a déjà une promotion de ce nom.', en: 'This program already has a cohort with that name.' },
    fields: { name: { fr: 'nom déjà utilisé dans ce programme', en: 'name is already used in this program' } },
  },
  cohort_ends_before_start: {
    status: 400,
    message: { fr: 'Une promotion doit finir après avoir commencé.', en: 'A cohort must end after it starts.' },
    fields: { endsOn: { fr: 'la fin doit suivre le début (le jour de fin est exclu)', en: 'endsOn must be after startsOn (the end is exclusive)' } },
  },
  /** Details: `seated`, the startups already admitted. */
  cohort_capacity_below_seated: {
    status: 409,
    message: { fr: 'Startups déjà admises dans la promotion : {seated}.', en: 'The cohort already seats {seated} startups.' },
    fields: { capacity: { fr: 'au moins {seated}, les startups déjà admises', en: 'capacity must be at least {seated}, the startups already admitted' } },
  },
  /** Details: `cohortName`, `seated`, `capacity`. */
  cohort_full: {
    status: 409,
    message: { fr: 'La promotion {cohortName} est complète (capacité : {capacity}).', en: 'The cohort {cohortName} is full (capacity: {capacity}).' },
  },
  startup_unknown: {
    status: 404,
    message: { fr: 'Startup inconnue dans cette organisation.', en: 'No such startup in this organisation.' },
    fields: { startupId: { fr: 'startup inconnue dans cette organisation', en: 'no such startup in this organisation' } },
  },
  enrollment_not_found: { status: 404, message: { fr: 'Inscription introuvable.', en: 'No such enrollment.' } },
  already_enrolled: {
    status: 409,
    message: { fr: 'Cette startup est déjà inscrite dans cette promotion.', en: 'This startup is already enrolled in this cohort.' },
  },
  /** Details: `from`, `to` and `allowed`, the statuses `from` may move to. */
  transition_refused: {
    status: 422,
    message: { fr: 'Une inscription ne peut pas passer de {from} à {to}.', en: 'An enrollment cannot go from {from} to {to}.' },
    fields: { status: { fr: 'depuis {from}, le statut doit être l’un de : {allowed}', en: 'from {from}, status must be one of: {allowed}' } },
  },
  /** Details: `from`, `to`. */
  enrollment_final: {
    status: 422,
    message: { fr: 'Une inscription ne peut pas passer de {from} à {to}.', en: 'An enrollment cannot go from {from} to {to}.' },
    fields: { status: { fr: '{from} est un statut définitif', en: '{from} is final' } },
  },
  milestone_not_found: { status: 404, message: { fr: 'Jalon introuvable.', en: 'No such milestone.' } },
});
