import { defineErrors } from '@incubator/api/errors';

/** Every error of board quarters, report runs, schedules and targets. */
export const ReportErrors = defineErrors('report', {
  invalid_quarter: {
    status: 400,
    message: { fr: 'Trimestre invalide.', en: 'Invalid quarter.' },
    fields: { quarter: { fr: 'format AAAA-Tn, ex. 2026-Q3', en: 'must be YYYY-Qn, e.g. 2026-Q3' } },
  },
  future_quarter: {
    status: 400,
    message: { fr: 'Trimestre futur.', en: 'Future quarter.' },
    fields: { quarter: { fr: 'le trimestre n’a pas commencé', en: 'the quarter has not started' } },
  },
  no_data_before: { status: 404, message: { fr: 'Aucune donnée avant le {first}.', en: 'No data before {first}.' } },
  period_not_quarter: {
    status: 400,
    message: { fr: 'Période invalide.', en: 'Invalid period.' },
    fields: { period: { fr: 'trimestre AAAA-Qn attendu', en: 'must be a quarter YYYY-Qn' } },
  },
  period_not_month: {
    status: 400,
    message: { fr: 'Période invalide.', en: 'Invalid period.' },
    fields: { period: { fr: 'mois AAAA-MM attendu', en: 'must be a month YYYY-MM' } },
  },
  future_period: {
    status: 400,
    message: { fr: 'Période future.', en: 'Future period.' },
    fields: { period: { fr: 'la période n’a pas commencé', en: 'the period has not started' } },
  },
  run_not_found: { status: 404, message: { fr: 'Rapport introuvable.', en: 'No such report run.' } },
  file_not_found: { status: 404, message: { fr: 'Fichier de rapport introuvable.', en: 'No such report file.' } },
  team_only: { status: 403, message: { fr: 'Ce rapport est réservé à l’équipe du parc.', en: 'This report is for the park’s team.' } },
  regenerate_team_only: {
    status: 403,
    message: { fr: 'Seule l’équipe du parc peut régénérer un rapport.', en: 'Only the park’s team can regenerate a report.' },
  },
  schedule_not_found: { status: 404, message: { fr: 'Planification introuvable.', en: 'No such schedule.' } },
  invalid_cron: {
    status: 400,
    message: { fr: 'Expression cron invalide.', en: 'Invalid cron expression.' },
    fields: { cron: { fr: 'cinq champs attendus : minute heure jour mois jour-de-semaine', en: 'five fields expected: minute hour day month weekday' } },
  },
});
