import { defineErrors } from '@incubator/api/errors';

/**
 * Space's errors: buildings, floors and modules, leases and their resizes, the waitlist. Details only
 * ever name the caller's own organisation's records (a conflicting lease, the startup holding it).
 */
export const SpaceErrors = defineErrors('space', {
  site_not_found: {
    status: 404,
    message: { fr: 'Site inconnu dans cette organisation.', en: 'No such site in this organisation.' },
    fields: { siteId: { fr: 'site inconnu dans cette organisation', en: 'no such site in this organisation' } },
  },
  site_name_taken: {
    status: 409,
    message: { fr: 'L’organisation a déjà un site nommé {name}.', en: 'The organisation already has a site named {name}.' },
    fields: { name: { fr: 'nom déjà utilisé par un autre site', en: 'name is already used by another site' } },
  },
  floor_archived: { status: 409, message: { fr: 'Cet étage est archivé.', en: 'This floor is archived.' } },
  /** A floor edit or archive would take away a module a current or future lease holds. */
  floor_module_leased: {
    status: 409,
    message: {
      fr: 'Le module rangée {row}, colonne {column} est loué à {startupName} (bail {leaseId}) : terminez ou réduisez d’abord ce bail.',
      en: 'The module at row {row}, column {column} is leased to {startupName} (lease {leaseId}); end or resize that lease first.',
    },
  },
  startup_not_found: {
    status: 404,
    message: { fr: 'Startup inconnue dans cette organisation.', en: 'No such startup in this organisation.' },
    fields: { startupId: { fr: 'startup inconnue dans cette organisation', en: 'no such startup in this organisation' } },
  },
  building_not_found: {
    status: 404,
    message: { fr: 'Bâtiment inconnu dans cette organisation.', en: 'No such building in this organisation.' },
    fields: { buildingId: { fr: 'bâtiment inconnu dans cette organisation', en: 'no such building in this organisation' } },
  },
  building_name_taken: {
    status: 409,
    message: { fr: 'Ce site a déjà un bâtiment nommé {name}.', en: 'This site already has a building named {name}.' },
    fields: { name: { fr: 'nom déjà utilisé sur ce site', en: 'name is already used on this site' } },
  },
  layout_unreadable: {
    status: 400,
    message: { fr: 'Le plan de l’étage est illisible.', en: 'The layout cannot be read.' },
    fields: {
      layout: {
        fr: 'caractère "{char}" inattendu rangée {row}, colonne {column} : M pour un module, . pour le reste',
        en: 'Unexpected "{char}" at row {row}, column {column}: use M for a module and . for anything else',
      },
    },
  },
  layout_without_modules: {
    status: 400,
    message: { fr: 'Un étage a besoin de modules.', en: 'A floor needs modules.' },
    fields: { layout: { fr: 'le plan doit contenir au moins un M', en: 'layout must contain at least one M' } },
  },
  floor_level_taken: {
    status: 409,
    message: { fr: 'Ce bâtiment a déjà un étage de niveau {level}.', en: 'This building already has level {level}.' },
    fields: { level: { fr: 'niveau déjà utilisé dans ce bâtiment', en: 'level is already used in this building' } },
  },
  floor_not_found: { status: 404, message: { fr: 'Étage introuvable.', en: 'No such floor.' } },
  module_not_found: { status: 404, message: { fr: 'Module introuvable.', en: 'No such module.' } },
  module_already_retired: { status: 409, message: { fr: 'Ce module est déjà retiré.', en: 'This module is already retired.' } },
  module_leased: {
    status: 409,
    message: {
      fr: 'Loué à {startupName} (bail {leaseId}) : terminez ou réduisez d’abord ce bail.',
      en: 'Leased to {startupName} (lease {leaseId}); end or resize that lease first.',
    },
  },
  modules_not_found: { status: 404, message: { fr: 'Certains modules n’existent pas ou sont retirés.', en: 'Some modules do not exist or are retired.' } },
  modules_on_several_floors: {
    status: 400,
    message: { fr: 'Un bureau tient sur un seul étage.', en: 'An office lies on one floor.' },
    fields: { moduleIds: { fr: 'tous les modules doivent être sur le même étage', en: 'all modules must be on the same floor' } },
  },
  modules_not_contiguous: {
    status: 400,
    message: { fr: 'Un bureau est d’un seul tenant.', en: 'An office is one piece.' },
    fields: { moduleIds: { fr: 'les modules doivent se toucher', en: 'the modules must be contiguous' } },
  },
  /** A module of the request is leased on overlapping dates (the exclusion constraint refused it). */
  modules_taken: {
    status: 409,
    message: {
      fr: 'Déjà loué à {startupName} du {startsOn} au {endsOn} (exclu) (bail {conflictingLeaseId}).',
      en: 'Already leased to {startupName} from {startsOn} until {endsOn} (exclusive) (lease {conflictingLeaseId}).',
    },
  },
  /** The same, the lease in the way having no end. */
  modules_taken_open_ended: {
    status: 409,
    message: {
      fr: 'Déjà loué à {startupName} à partir du {startsOn}, sans date de fin (bail {conflictingLeaseId}).',
      en: 'Already leased to {startupName} from {startsOn}, with no end date (lease {conflictingLeaseId}).',
    },
  },
  /** The same, when the lease in the way could not be read back (it ended meanwhile). */
  modules_taken_for_dates: {
    status: 409,
    message: { fr: 'Ces modules sont déjà loués sur ces dates.', en: 'These modules are already leased for these dates.' },
  },
  lease_dates_reversed: {
    status: 400,
    message: { fr: 'La fin doit venir après le début.', en: 'The end must come after the start.' },
    fields: { endsOn: { fr: 'endsOn doit être postérieur à startsOn (la fin est exclue)', en: 'endsOn must be after startsOn (the end is exclusive)' } },
  },
  price_missing: {
    status: 400,
    message: { fr: 'Aucun prix pour ce site et ce type de programme.', en: 'No price for this site and program kind.' },
    fields: {
      monthlyPricePerM2Cents: { fr: 'indiquez un prix : le site n’en a pas pour ce type de programme', en: 'give a price: the site has none for this program kind' },
    },
  },
  lease_not_found: { status: 404, message: { fr: 'Bail introuvable.', en: 'No such lease.' } },
  price_date_taken: {
    status: 409,
    message: {
      fr: 'Ce site a déjà un prix pour ce type de programme à partir du {effectiveFrom}.',
      en: 'This site already has a price for this program kind from {effectiveFrom}.',
    },
    fields: { effectiveFrom: { fr: 'un prix commence déjà à cette date', en: 'a price already starts on this date' } },
  },
  lease_already_terminated: {
    status: 409,
    message: { fr: 'Ce bail a déjà été résilié.', en: 'This lease has already been terminated.' },
  },
  terminate_outside_lease: {
    status: 400,
    message: { fr: 'La fin doit tomber après le début du bail et pas après sa fin actuelle.', en: 'The end must fall after the lease’s start and not after its current end.' },
    fields: {
      endsOn: {
        fr: 'endsOn doit être postérieur au début du bail et au plus sa fin actuelle (la fin est exclue)',
        en: 'endsOn must be after the lease’s start and at most its current end (the end is exclusive)',
      },
    },
  },
  lease_superseded: {
    status: 409,
    message: {
      fr: 'Ce bail a déjà été redimensionné : modifiez sa dernière version.',
      en: 'This lease has already been resized; resize its latest version.',
    },
  },
  resize_one_module: {
    status: 400,
    message: { fr: 'Ajoutez ou retirez exactement un module.', en: 'Add or remove exactly one module.' },
    fields: { addModuleId: { fr: 'indiquez addModuleId ou removeModuleId, pas les deux', en: 'give addModuleId or removeModuleId, not both' } },
  },
  resize_outside_lease: {
    status: 400,
    message: { fr: 'Le changement doit prendre effet pendant le bail.', en: 'The change must take effect strictly inside the lease.' },
    fields: {
      effectiveOn: { fr: 'effectiveOn doit être postérieur à startsOn et antérieur à endsOn', en: 'effectiveOn must be after startsOn and before endsOn' },
    },
  },
  module_not_in_lease: {
    status: 404,
    message: { fr: 'Ce module ne fait pas partie de ce bail.', en: 'That module is not part of this lease.' },
    fields: { removeModuleId: { fr: 'module absent du bail', en: 'the module is not part of this lease' } },
  },
  module_already_in_lease: {
    status: 409,
    message: { fr: 'Ce module fait déjà partie de ce bail.', en: 'That module is already part of this lease.' },
    fields: { addModuleId: { fr: 'module déjà dans le bail', en: 'the module is already part of this lease' } },
  },
  office_would_split: {
    status: 409,
    message: { fr: 'Le bureau doit rester d’un seul tenant.', en: 'The office must stay in one piece.' },
    fields: {
      addModuleId: {
        fr: 'le module doit toucher le bureau, et le retirer ne doit pas couper le bureau en deux',
        en: 'the module must touch the office, and removing it must not split the office',
      },
    },
  },
  waitlist_request_not_found: { status: 404, message: { fr: 'Demande de bureau introuvable.', en: 'No such waitlist request.' } },
  waitlist_offer_not_found: { status: 404, message: { fr: 'Offre introuvable.', en: 'No such offer.' } },
  waitlist_offer_accepted: { status: 410, message: { fr: 'Cette offre a déjà été acceptée.', en: 'This offer is accepted.' } },
  waitlist_offer_lapsed: { status: 410, message: { fr: 'Cette offre a expiré.', en: 'This offer is lapsed.' } },
  waitlist_offer_expired: { status: 410, message: { fr: 'Cette offre a expiré.', en: 'This offer has expired.' } },
  /** A request answered by a lease: the lease is the requesting startup's. */
  waitlist_other_startup: {
    status: 422,
    message: { fr: 'Le bail doit être celui de la startup qui a fait la demande.', en: 'The lease must be the requesting startup’s.' },
    fields: { startupId: { fr: 'pas la startup de la demande', en: 'not the startup of the request' } },
  },
  /** Only a waiting or offered request can be cancelled. */
  waitlist_request_closed: {
    status: 409,
    message: { fr: 'Cette demande n’est plus en attente ({status}).', en: 'This request is no longer waiting ({status}).' },
  },
});
