import type { HeadlineFigure, Locale, TargetKey } from '@incubator/contracts';

/** Every word of the board pack in both languages (a recipient gets the pack in their own). */
export const BOARD_PACK_TEXTS = {
  fr: {
    title: 'Rapport au conseil',
    quarter: (q: string) => q.replace('-Q', ' – T'),
    generated: (date: string) => `Généré le ${date}`,
    headline: 'Indicateurs clés du trimestre',
    columns: ['Indicateur', 'Trimestre', 'Trim. précédent', 'Évol.', 'Un an avant', 'Évol.'],
    breakdown: 'Répartition',
    bySite: 'Par site',
    byProgram: 'Par programme',
    bySector: 'Par secteur',
    breakdownColumns: ['Nom', 'Startups actives', 'Emplois créés', 'Effectif', 'Fonds levés (€)'],
    rounds: 'Levées de fonds du trimestre',
    roundColumns: ['Startup', 'Type', 'Montant (€)', 'Clôture', 'Chef de file'],
    noRounds: 'Aucune levée clôturée ce trimestre.',
    targets: 'Objectifs et réalisé (cumul annuel)',
    targetColumns: ['Objectif', 'Année', 'Cible', 'Réalisé'],
    noTargets: 'Aucun objectif fixé pour cette année.',
    space: 'Espaces',
    spaceLines: (leased: number, leasable: number, rate: number, per100: number | null) => [
      `Surface louée en fin de trimestre : ${leased} m² sur ${leasable} m² (${rate} %)`,
      `Effectif pour 100 m² loués : ${per100 ?? '—'}`,
    ],
    chart: 'Emplois créés et fonds levés, huit derniers trimestres',
    suppressed: 'Un tiret (—) signale un chiffre masqué : moins de 3 startups derrière lui.',
    method: 'Méthode',
    sheets: { headline: 'Indicateurs', bySite: 'Sites', byProgram: 'Programmes', bySector: 'Secteurs', rounds: 'Levées', targets: 'Objectifs', method: 'Méthode' },
  },
  en: {
    title: 'Board pack',
    quarter: (q: string) => q.replace('-', ' '),
    generated: (date: string) => `Generated on ${date}`,
    headline: 'Headline figures of the quarter',
    columns: ['Figure', 'Quarter', 'Previous quarter', 'Change', 'A year before', 'Change'],
    breakdown: 'Breakdown',
    bySite: 'By site',
    byProgram: 'By program',
    bySector: 'By sector',
    breakdownColumns: ['Name', 'Active startups', 'Jobs created', 'Headcount', 'Funds raised (€)'],
    rounds: 'Funding rounds of the quarter',
    roundColumns: ['Startup', 'Kind', 'Amount (€)', 'Closed', 'Lead'],
    noRounds: 'No round closed this quarter.',
    targets: 'Targets and actual (year to date)',
    targetColumns: ['Target', 'Year', 'Target value', 'Actual'],
    noTargets: 'No target set for this year.',
    space: 'Space',
    spaceLines: (leased: number, leasable: number, rate: number, per100: number | null) => [
      `Leased at the quarter's end: ${leased} m² of ${leasable} m² (${rate} %)`,
      `Headcount per 100 m² leased: ${per100 ?? '—'}`,
    ],
    chart: 'Jobs created and funds raised, last eight quarters',
    suppressed: 'A dash (—) marks a figure withheld: fewer than 3 startups behind it.',
    method: 'Method',
    sheets: { headline: 'Headline', bySite: 'Sites', byProgram: 'Programs', bySector: 'Sectors', rounds: 'Rounds', targets: 'Targets', method: 'Method' },
  },
};

export const FIGURE_LABELS: Record<Locale, Record<HeadlineFigure['key'], string>> = {
  fr: {
    active_startups: 'Startups actives',
    jobs_created: 'Emplois créés',
    headcount: 'Effectif (ETP)',
    funds_raised_eur: 'Fonds levés (€)',
    startups_created: 'Startups créées',
    occupancy_rate: 'Taux d’occupation (%)',
    milestone_completion: 'Jalons atteints (%)',
    report_completion: 'Rapports remis (%)',
  },
  en: {
    active_startups: 'Active startups',
    jobs_created: 'Jobs created',
    headcount: 'Headcount (FTE)',
    funds_raised_eur: 'Funds raised (€)',
    startups_created: 'Startups created',
    occupancy_rate: 'Occupancy rate (%)',
    milestone_completion: 'Milestones achieved (%)',
    report_completion: 'Reports handed in (%)',
  },
};

export const TARGET_LABELS: Record<Locale, Record<TargetKey, string>> = {
  fr: { jobs_created: 'Emplois créés', active_startups: 'Startups accompagnées', funds_raised_eur: 'Fonds levés (€)' },
  en: { jobs_created: 'Jobs created', active_startups: 'Startups supported', funds_raised_eur: 'Funds raised (€)' },
};

/** How every figure is computed: the pack's last page and the XLSX's last sheet. */
export const METHOD: Record<Locale, string[]> = {
  fr: [
    'Période : le trimestre civil, du premier jour inclus au premier jour du trimestre suivant exclu, dates dans le fuseau de l’organisation.',
    'Startups actives : startups admises, actives ou diplômées dans une promotion dont les dates recouvrent le trimestre.',
    'Emplois créés : somme des « emplois créés » des rapports KPI mensuels validés du trimestre.',
    'Effectif : pour chaque startup, le dernier effectif validé du trimestre ; somme sur les startups.',
    'Fonds levés : somme des tours clôturés dont la date de clôture tombe dans le trimestre, en euros au taux enregistré à la clôture (calcul en centimes exacts). Jamais saisi à la main.',
    'Startups créées : startups dont la date de création tombe dans le trimestre.',
    'Taux d’occupation : m² loués / m² louables au dernier jour du trimestre (modules de 24 m², hors modules retirés).',
    'Jalons atteints : jalons dus dans le trimestre et atteints, rapportés aux jalons dus dans le trimestre.',
    'Rapports remis : rapports mensuels attendus des startups actives dont l’échéance (fin du mois + 15 jours) est passée, soumis ou validés.',
    'Évolution : écart relatif au trimestre précédent et au même trimestre un an plus tôt.',
    'Confidentialité : un chiffre derrière moins de 3 startups est masqué (—) ; aucune valorisation ni chiffre individuel n’apparaît.',
    'Ces chiffres sont ceux de l’API /api/kpi-aggregates vue par un membre du conseil, sur les mêmes dates.',
  ],
  en: [
    'Period: the calendar quarter, from its first day (inclusive) to the first day of the next quarter (exclusive), in the organisation’s time zone.',
    'Active startups: startups admitted, active or graduated in a cohort whose dates overlap the quarter.',
    'Jobs created: sum of “jobs created” over the quarter’s validated monthly KPI reports.',
    'Headcount: for each startup, its latest validated headcount in the quarter; summed over startups.',
    'Funds raised: sum of closed rounds whose closing date falls in the quarter, in euros at the rate stored at closing (exact cents). Never typed in.',
    'Startups created: startups whose founding date falls in the quarter.',
    'Occupancy rate: leased m² / leasable m² on the quarter’s last day (24 m² modules, retired modules excluded).',
    'Milestones achieved: milestones due in the quarter and achieved, over milestones due in the quarter.',
    'Reports handed in: monthly reports expected from active startups whose due date (month end + 15 days) has passed, submitted or validated.',
    'Change: relative difference with the previous quarter and with the same quarter a year earlier.',
    'Confidentiality: a figure with fewer than 3 startups behind it is withheld (—); no valuation or single-startup figure appears.',
    'These figures are those of the /api/kpi-aggregates API as a board member sees it, over the same dates.',
  ],
};

/** Relative change in %, one decimal, or null when there is nothing to compare with. */
export function change(value: number | null, before: number | null): number | null {
  if (value === null || before === null || before === 0) return null;
  return Math.round(((value - before) / Math.abs(before)) * 1000) / 10;
}
