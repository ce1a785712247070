import { defineErrors, DomainError } from '@incubator/api/errors';
import type { DomainErrorBody } from '@incubator/api/errors';
import type { Bilingual, KpiImportResult, Locale } from '@incubator/contracts';

const PERIOD_FORMAT = { fr: 'période au format AAAA-MM ou AAAA-Tn (ex. 2026-03, 2026-Q1)', en: 'period must be YYYY-MM or YYYY-Qn (e.g. 2026-03, 2026-Q1)' };

/** What a board member's query may break (see BoardAggregates.cell): each rule names its field. */
const BOARD_RULES = {
  to: { fr: 'un trimestre ou une année civile entière attendu', en: 'must span one whole calendar quarter or year' },
  cohortId: { fr: 'le conseil voit l’organisation, un site, un programme ou un secteur', en: 'board members see the organisation, a site, a program or a sector' },
  sector: { fr: 'une seule partition à la fois (site, programme ou secteur)', en: 'one partition at a time (site, program or sector)' },
};

export type BoardRule = keyof typeof BOARD_RULES;

export const KpiErrors = defineErrors('kpi', {
  report_not_found: { status: 404, message: { fr: 'Rapport d’indicateurs introuvable.', en: 'No such KPI report.' } },
  startup_not_found: { status: 404, message: { fr: 'Startup introuvable.', en: 'No such startup.' } },
  invalid_bounds: {
    status: 400,
    message: { fr: 'Bornes incohérentes.', en: 'Inconsistent bounds.' },
    fields: { maxValue: { fr: 'doit être supérieur ou égal au minimum', en: 'must be at least minValue' } },
  },
  unknown_program: {
    status: 400,
    message: { fr: 'Programme inconnu.', en: 'Unknown program.' },
    fields: { programId: { fr: 'programme inconnu', en: 'no such program' } },
  },
  definition_exists: {
    status: 409,
    message: { fr: 'Cet indicateur existe déjà.', en: 'This KPI already exists.' },
    fields: { key: { fr: 'clé déjà utilisée', en: 'key is already used' } },
  },
  invalid_period: { status: 400, message: { fr: 'Période invalide.', en: 'Invalid period.' }, fields: { period: PERIOD_FORMAT } },
  future_period: {
    status: 400,
    message: { fr: 'On ne déclare pas une période future.', en: 'A future period cannot be reported.' },
    fields: { period: { fr: 'période dans le futur', en: 'period is in the future' } },
  },
  /** Thrown through invalidValues(): the fields are `values.<key>`, one per bad value. */
  invalid_values: { status: 400, message: { fr: 'Le rapport contient des valeurs invalides.', en: 'The report has invalid values.' } },
  report_exists: {
    status: 409,
    message: { fr: 'Un rapport existe déjà pour cette période : modifiez-le.', en: 'A report already exists for this period: edit it instead.' },
    fields: { period: { fr: 'période déjà déclarée', en: 'period already reported' } },
  },
  report_submitted: {
    status: 409,
    message: {
      fr: 'Ce rapport a été soumis : il ne peut plus être modifié que par l’équipe du parc.',
      en: 'This report has been submitted: only the park’s team can change it now.',
    },
  },
  validate_not_submitted: {
    status: 409,
    message: { fr: 'Seul un rapport soumis peut être validé (statut actuel : {status}).', en: 'Only a submitted report can be validated (it is {status}).' },
    fields: { status: { fr: 'statut actuel : {status}', en: 'status is {status}' } },
  },
  return_not_submitted: {
    status: 409,
    message: { fr: 'Seul un rapport soumis peut être renvoyé (statut actuel : {status}).', en: 'Only a submitted report can be returned (it is {status}).' },
    fields: { status: { fr: 'statut actuel : {status}', en: 'status is {status}' } },
  },
  empty_range: {
    status: 400,
    message: { fr: 'Intervalle vide.', en: 'Empty range.' },
    fields: { to: { fr: 'doit être après from (exclu)', en: 'must be after from (exclusive end)' } },
  },
  /** Thrown through boardNotAllowed(): only the fields of the rules the query breaks. */
  board_not_allowed: { status: 400, message: { fr: 'Vue réservée à l’équipe du parc.', en: 'Not available to board members.' }, fields: BOARD_RULES },
  /** Thrown through importRefused(): the body also carries the import's result, every bad line named. */
  csv_required: { status: 415, message: { fr: 'Envoyez le fichier en text/csv.', en: 'Send the file as text/csv.' } },
  import_refused: { status: 422, message: { fr: 'Import refusé : aucune ligne écrite.', en: 'Import refused: nothing was written.' } },
});

/**
 * A catalogue error whose field texts are only known when it is thrown (which board rules a query
 * breaks, what is wrong with each value). Code, status and message stay the catalogue's.
 */
class KpiFieldsError extends DomainError {
  constructor(
    error: DomainError,
    private readonly texts: Record<string, Bilingual>,
  ) {
    super(error.code, error.entry, error.details);
  }

  override render(locale: Locale): DomainErrorBody {
    return { ...super.render(locale), fields: Object.fromEntries(Object.entries(this.texts).map(([field, text]) => [field, [text[locale]]])) };
  }
}

/** `kpi.invalid_values`, naming each bad value as `values.<key>` with checkKpiValues' text. */
export function invalidValues(problems: Record<string, Bilingual>): DomainError {
  return new KpiFieldsError(KpiErrors.invalid_values(), Object.fromEntries(Object.entries(problems).map(([key, text]) => [`values.${key}`, text])));
}

/** `kpi.board_not_allowed`, with the fields of the rules broken only. */
export function boardNotAllowed(broken: BoardRule[]): DomainError {
  return new KpiFieldsError(KpiErrors.board_not_allowed(), Object.fromEntries(broken.map((rule) => [rule, BOARD_RULES[rule]])));
}

/** An import's line errors in the caller's language (computed by the import), sent with the refusal. */
class KpiImportRefused extends DomainError {
  constructor(
    error: DomainError,
    private readonly result: KpiImportResult,
  ) {
    super(error.code, error.entry, error.details);
  }

  override render(locale: Locale): DomainErrorBody {
    return { ...super.render(locale), ...this.result };
  }
}

/** `kpi.import_refused` (422) with the import's result: nothing was written, every bad line is listed. */
export function importRefused(result: KpiImportResult): DomainError {
  return new KpiImportRefused(KpiErrors.import_refused(), result);
}
