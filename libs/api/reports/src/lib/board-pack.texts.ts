import type { BoardQuarterResponse, HeadlineFigure, Locale, LongTermStatus, TargetKey } from '@incubator/contracts';
import { formatChange, formatDate, formatEuros, formatNumber, formatPercent, previousQuarter, quarterLabel } from './board-pack.format';

/** Every word of the board pack in both languages (a recipient gets the pack in their own). */
export const BOARD_PACK_TEXTS = {
  fr: {
    title: 'Rapport au conseil',
    subtitle: 'Rapport trimestriel au conseil d’administration',
    quarter: (q: string) => quarterLabel(q, 'fr'),
    period: (from: string, to: string) => `Du ${formatDate(from, 'fr')} au ${formatDate(to, 'fr')} inclus`,
    generated: (date: string) => `Généré le ${formatDate(date, 'fr')}`,
    page: (n: number, total: number) => `Page ${n} / ${total}`,
    contents: 'Sommaire',
    summary: 'Synthèse du trimestre',
    headline: 'Indicateurs clés du trimestre',
    columns: ['Indicateur', 'Trimestre', 'Trim. précédent', 'Évol.', 'Un an avant', 'Évol.'],
    vsPrevious: (q: string) => `vs ${quarterLabel(q, 'fr')}`,
    yearBefore: (q: string) => `${quarterLabel(q, 'fr')} : `,
    noData: 'n.d.',
    trends: 'Tendances sur huit trimestres',
    chart: 'Emplois créés et fonds levés, huit derniers trimestres',
    charts: {
      jobs_created: 'Emplois créés par trimestre',
      funds_raised_eur: 'Fonds levés par trimestre',
      occupancy_rate: 'Taux d’occupation en fin de trimestre',
      active_startups: 'Startups actives par trimestre',
    },
    breakdown: 'Répartition',
    bySite: 'Par site',
    byProgram: 'Par programme',
    bySector: 'Par secteur',
    activeBySector: 'Startups actives par secteur',
    breakdownColumns: ['Nom', 'Startups actives', 'Emplois créés', 'Effectif', 'Fonds levés (€)'],
    site: (name: string) => `Site : ${name}`,
    siteShare: 'Part du total de l’organisation',
    sitesCompared: 'Comparé aux autres sites',
    ofTotal: (share: string) => `${share} du total`,
    rounds: 'Levées de fonds du trimestre',
    roundColumns: ['Startup', 'Type', 'Montant (€)', 'Clôture', 'Chef de file'],
    roundsByKind: 'Par type de levée',
    roundKindColumns: ['Type', 'Levées', 'Montant (€)'],
    roundsList: 'Levées clôturées',
    largestRounds: (shown: number, all: number) => `Les ${shown} plus grandes levées sur ${formatNumber(all, 'fr')} (toutes dans le classeur XLSX)`,
    noRounds: 'Aucune levée clôturée ce trimestre.',
    roundsWithheld: (n: number) => `${n} ${n > 1 ? 'autres levées ne sont pas listées' : 'autre levée n’est pas listée'} : la lister révélerait un chiffre masqué.`,
    targets: 'Objectifs et réalisé (cumul annuel)',
    targetColumns: ['Objectif', 'Année', 'Cible', 'Réalisé', 'Atteint'],
    noTargets: 'Aucun objectif fixé pour cette année.',
    space: 'Espaces',
    spaceLines: (leased: number, leasable: number, rate: number, per100: number | null) => [
      `Surface louée en fin de trimestre : ${formatNumber(leased, 'fr')} m² sur ${formatNumber(leasable, 'fr')} m² (${formatPercent(rate, 'fr')})`,
      `Effectif pour 100 m² loués : ${formatNumber(per100, 'fr', 1)}`,
    ],
    suppressed: 'Un tiret (—) signale un chiffre masqué : trop peu de startups derrière lui. « n.d. » : pas encore de données.',
    method: 'Méthode',
    sheets: {
      headline: 'Indicateurs',
      series: 'Tendances',
      bySite: 'Sites',
      byProgram: 'Programmes',
      bySector: 'Secteurs',
      rounds: 'Levées',
      targets: 'Objectifs',
      space: 'Espaces',
      method: 'Méthode',
    },
    seriesFirstColumn: 'Trimestre',
    spaceColumns: ['Indicateur', 'Valeur'],
    spaceRows: ['m² loués', 'm² louables', 'Taux d’occupation (%)', 'Effectif pour 100 m² loués'],
  },
  en: {
    title: 'Board pack',
    subtitle: 'Quarterly report to the board',
    quarter: (q: string) => quarterLabel(q, 'en'),
    period: (from: string, to: string) => `${formatDate(from, 'en')} to ${formatDate(to, 'en')} inclusive`,
    generated: (date: string) => `Generated on ${formatDate(date, 'en')}`,
    page: (n: number, total: number) => `Page ${n} / ${total}`,
    contents: 'Contents',
    summary: 'The quarter at a glance',
    headline: 'Headline figures of the quarter',
    columns: ['Figure', 'Quarter', 'Previous quarter', 'Change', 'A year before', 'Change'],
    vsPrevious: (q: string) => `vs ${quarterLabel(q, 'en')}`,
    yearBefore: (q: string) => `${quarterLabel(q, 'en')}: `,
    noData: 'n/a',
    trends: 'Trends over eight quarters',
    chart: 'Jobs created and funds raised, last eight quarters',
    charts: {
      jobs_created: 'Jobs created per quarter',
      funds_raised_eur: 'Funds raised per quarter',
      occupancy_rate: 'Occupancy rate at the quarter’s end',
      active_startups: 'Active startups per quarter',
    },
    breakdown: 'Breakdown',
    bySite: 'By site',
    byProgram: 'By program',
    bySector: 'By sector',
    activeBySector: 'Active startups by sector',
    breakdownColumns: ['Name', 'Active startups', 'Jobs created', 'Headcount', 'Funds raised (€)'],
    site: (name: string) => `Site: ${name}`,
    siteShare: 'Share of the organisation’s total',
    sitesCompared: 'Compared with the other sites',
    ofTotal: (share: string) => `${share} of the total`,
    rounds: 'Funding rounds of the quarter',
    roundColumns: ['Startup', 'Kind', 'Amount (€)', 'Closed', 'Lead'],
    roundsByKind: 'By kind of round',
    roundKindColumns: ['Kind', 'Rounds', 'Amount (€)'],
    roundsList: 'Closed rounds',
    largestRounds: (shown: number, all: number) => `The ${shown} largest of ${formatNumber(all, 'en')} rounds (all of them in the XLSX workbook)`,
    noRounds: 'No round closed this quarter.',
    roundsWithheld: (n: number) => `${n} more ${n > 1 ? 'rounds are' : 'round is'} not listed: listing ${n > 1 ? 'them' : 'it'} would reveal a withheld figure.`,
    targets: 'Targets and actual (year to date)',
    targetColumns: ['Target', 'Year', 'Target value', 'Actual', 'Achieved'],
    noTargets: 'No target set for this year.',
    space: 'Space',
    spaceLines: (leased: number, leasable: number, rate: number, per100: number | null) => [
      `Leased at the quarter’s end: ${formatNumber(leased, 'en')} m² of ${formatNumber(leasable, 'en')} m² (${formatPercent(rate, 'en')})`,
      `Headcount per 100 m² leased: ${formatNumber(per100, 'en', 1)}`,
    ],
    suppressed: 'A dash (—) marks a withheld figure: too few startups behind it. “n/a”: no data yet.',
    method: 'Method',
    sheets: {
      headline: 'Headline',
      series: 'Trends',
      bySite: 'Sites',
      byProgram: 'Programs',
      bySector: 'Sectors',
      rounds: 'Rounds',
      targets: 'Targets',
      space: 'Space',
      method: 'Method',
    },
    seriesFirstColumn: 'Quarter',
    spaceColumns: ['Figure', 'Value'],
    spaceRows: ['Leased m²', 'Leasable m²', 'Occupancy rate (%)', 'Headcount per 100 m² leased'],
  },
};

export type BoardPackTexts = (typeof BOARD_PACK_TEXTS)['fr'];

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
  fr: {
    jobs_created: 'Emplois créés',
    active_startups: 'Startups accompagnées',
    funds_raised_eur: 'Fonds levés (€)',
    total_jobs: 'Emplois dans les startups',
    total_companies: 'Entreprises accompagnées (cumul)',
    total_funds_eur: 'Fonds levés, cumul (€)',
  },
  en: {
    jobs_created: 'Jobs created',
    active_startups: 'Startups supported',
    funds_raised_eur: 'Funds raised (€)',
    total_jobs: 'Jobs in the startups',
    total_companies: 'Companies supported (total)',
    total_funds_eur: 'Funds raised, total (€)',
  },
};

export const LONG_TERM_STATUS_LABELS: Record<Locale, Record<LongTermStatus, string>> = {
  fr: { reached: 'Atteint', on_track: 'En bonne voie', behind: 'En retard', no_data: 'Données insuffisantes' },
  en: { reached: 'Reached', on_track: 'On track', behind: 'Behind', no_data: 'Not enough data' },
};

/** The outcomes page and sheets (survival, conversion, since the start, long-term targets). */
export const OUTCOMES_TEXTS = {
  fr: {
    title: 'Impact dans la durée',
    intro: (asOf: string, since: number | null) => `Chiffres au ${formatDate(asOf, 'fr')}${since === null ? '' : `, cumulés depuis ${since}`}.`,
    since: (year: number | null) => (year === null ? 'Pas encore de données' : `Depuis ${year}`),
    tiles: { survival: 'Survie à 3 ans', conversion: 'Des candidatures aux startups', funds: 'Fonds levés depuis le début', companies: 'Entreprises accompagnées', jobs: 'Emplois aujourd’hui' },
    ofStartups: (surviving: string, startups: string) => `${surviving} sur ${startups} startups`,
    ofApplications: (enrolled: string, submitted: string) => `${enrolled} intégrées sur ${submitted} candidatures`,
    noCohort: 'Aucune promotion terminée depuis trois ans.',
    noCall: 'Aucun appel à candidatures.',
    longTerm: 'Objectifs de long terme',
    longTermColumns: ['Objectif', 'Échéance', 'Cible', 'Réalisé', 'Projection', 'État'],
    noLongTerm: 'Aucun objectif de long terme fixé.',
    survivalByProgram: 'Survie à 3 ans par programme',
    survivalByCohort: 'Survie à 3 ans par promotion',
    survivalColumns: ['Nom', 'Programme', 'Fin', 'Startups', 'Encore actives', 'Taux'],
    survivalProgramColumns: ['Programme', 'Startups', 'Encore actives', 'Taux'],
    conversion: 'Des candidatures aux startups, par appel',
    conversionColumns: ['Appel', 'Promotion', 'Clôture', 'Candidatures', 'Admises', 'Intégrées', 'Taux'],
    moreCohorts: (shown: number, all: number) => `Les ${shown} promotions les plus récentes sur ${all} (toutes dans le classeur XLSX)`,
    withheld: 'masqué',
    sheets: { survival: 'Survie', conversion: 'Conversion', longTerm: 'Long terme' },
    cumulativeColumns: ['Indicateur', 'Valeur'],
    total: 'Total',
    level: { organisation: 'Organisation', program: 'Programme', cohort: 'Promotion' },
    levelColumn: 'Niveau',
    withheldNote: 'Masqué : trop peu de startups',
    survivalChart: 'Survie à 3 ans (taux)',
    reference: 'Repère EuraTechnologies',
  },
  en: {
    title: 'Long-run outcomes',
    intro: (asOf: string, since: number | null) => `Figures as of ${formatDate(asOf, 'en')}${since === null ? '' : `, totals since ${since}`}.`,
    since: (year: number | null) => (year === null ? 'No data yet' : `Since ${year}`),
    tiles: { survival: '3-year survival', conversion: 'Applications to startups', funds: 'Funds raised since the start', companies: 'Companies supported', jobs: 'Jobs today' },
    ofStartups: (surviving: string, startups: string) => `${surviving} of ${startups} startups`,
    ofApplications: (enrolled: string, submitted: string) => `${enrolled} joined of ${submitted} applications`,
    noCohort: 'No cohort ended three years ago yet.',
    noCall: 'No call for applications.',
    longTerm: 'Long-term targets',
    longTermColumns: ['Target', 'By', 'Target value', 'Actual', 'Projection', 'Status'],
    noLongTerm: 'No long-term target set.',
    survivalByProgram: '3-year survival by program',
    survivalByCohort: '3-year survival by cohort',
    survivalColumns: ['Name', 'Program', 'End', 'Startups', 'Still active', 'Rate'],
    survivalProgramColumns: ['Program', 'Startups', 'Still active', 'Rate'],
    conversion: 'From applications to startups, by call',
    conversionColumns: ['Call', 'Cohort', 'Closes', 'Applications', 'Admitted', 'Joined', 'Rate'],
    moreCohorts: (shown: number, all: number) => `The ${shown} most recent of ${all} cohorts (all of them in the XLSX workbook)`,
    withheld: 'withheld',
    sheets: { survival: 'Survival', conversion: 'Conversion', longTerm: 'Long term' },
    cumulativeColumns: ['Figure', 'Value'],
    total: 'Total',
    level: { organisation: 'Organisation', program: 'Program', cohort: 'Cohort' },
    levelColumn: 'Level',
    withheldNote: 'Withheld: too few startups',
    survivalChart: '3-year survival (rate)',
    reference: 'EuraTechnologies (reference)',
  },
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
    'Confidentialité : un chiffre derrière trop peu de startups (seuil fixé par l’organisation) est masqué (—) ; aucune valorisation ni chiffre individuel n’apparaît.',
    'Montants : arrondis à l’euro dans le PDF ; le classeur XLSX donne les centimes exacts et la liste de toutes les levées.',
    'Données absentes : un trimestre antérieur aux premières données est marqué « n.d. », jamais compté comme zéro.',
    'Graphiques : huit trimestres, le trimestre du rapport en dernier ; les axes des comptes ne portent que des nombres entiers.',
    'Ces chiffres sont ceux de l’API /api/kpi-aggregates vue par un membre du conseil, sur les mêmes dates.',
    'Survie à 3 ans : parmi les startups d’une promotion terminée depuis au moins trois ans à la fin du trimestre (inscription active, diplômée ou abandonnée ; une startup de plusieurs promotions compte une fois par programme et pour l’organisation), la part encore active à la fin du trimestre — c’est-à-dire avec un rapport KPI validé pour une période commençant dans les douze mois qui la précèdent, ou une levée clôturée dans ces douze mois. La plateforme ne suit pas les radiations au registre : une startup qui ne rend plus de rapports ni ne lève est comptée comme inactive. Repère : EuraTechnologies publie 91 % sur 2010–2023.',
    'Conversion : pour chaque appel ouvert avant la fin du trimestre, candidatures déposées → admises → intégrées (startup créée et inscription active ou diplômée), décisions telles qu’elles sont aujourd’hui ; taux = intégrées / déposées.',
    'Depuis le début : fonds levés = somme de tous les tours clôturés jusqu’à la fin du trimestre ; entreprises accompagnées = startups distinctes admises dans une promotion commencée avant la fin du trimestre ; emplois aujourd’hui = l’effectif du trimestre (somme du dernier effectif validé de chaque startup dans le trimestre).',
    'Objectifs de long terme et projection : droite des moindres carrés ajustée sur le chiffre cumulé à la fin de chacune des cinq dernières années et à la fin du trimestre (zéro au début de la première année de données, si elle en fait partie) (emplois : sur l’effectif des huit derniers trimestres), prolongée jusqu’au 31 décembre de l’année d’échéance. « En bonne voie » si la projection atteint la cible, « en retard » sinon, « atteint » si le réalisé l’atteint déjà ; moins de deux points : données insuffisantes.',
    'Confidentialité des nouveaux chiffres : une survie par promotion ou programme, ou une conversion par appel, derrière moins de startups (ou de candidatures) que le seuil est masquée, avec une autre cellule si une soustraction la révélerait ; de même pour les fonds levés depuis le début.',
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
    'Confidentiality: a figure with too few startups behind it (the organisation’s threshold) is withheld (—); no valuation or single-startup figure appears.',
    'Amounts: rounded to the euro in the PDF; the XLSX workbook gives the exact cents and lists every round.',
    'Missing data: a quarter before the first data is marked “n/a”, never counted as zero.',
    'Charts: eight quarters, the report’s quarter last; count axes only carry whole numbers.',
    'These figures are those of the /api/kpi-aggregates API as a board member sees it, over the same dates.',
    '3-year survival: of the startups of cohorts that ended at least three years before the quarter’s end (enrollment active, graduated or withdrawn; a startup of several cohorts counts once per program and for the organisation), the share still active at the quarter’s end — that is, with a validated KPI report for a period starting in the twelve months before it, or a round closed in those twelve months. The platform does not track registry strike-offs: a startup that no longer reports nor raises counts as inactive. For reference, EuraTechnologies publishes 91% over 2010–2023.',
    'Conversion: for each call opened before the quarter’s end, applications submitted → admitted → joined (startup created and enrollment active or graduated), decisions as they stand today; rate = joined / submitted.',
    'Since the start: funds raised = every closed round up to the quarter’s end; companies supported = distinct startups admitted to a cohort that started before the quarter’s end; jobs today = the quarter’s headcount (each startup’s latest validated headcount in the quarter, summed).',
    'Long-term targets and projection: a least-squares straight line fitted to the cumulative figure at the end of each of the last five years and at the quarter’s end (zero at the start of the first year with data, when it is one of them) (jobs: to the headcount of the last eight quarters), extended to 31 December of the target year. “On track” when the projection reaches the target, “behind” otherwise, “reached” when the actual already does; fewer than two points: not enough data.',
    'Confidentiality of these figures: a survival by cohort or program, or a conversion by call, with fewer startups (or applications) behind it than the threshold is withheld, with another cell when a subtraction would reveal it; the same for funds raised since the start.',
  ],
};

/** Relative change in %, one decimal, or null when there is nothing to compare with. */
export function change(value: number | null, before: number | null): number | null {
  if (value === null || before === null || before === 0) return null;
  return Math.round(((value - before) / Math.abs(before)) * 1000) / 10;
}

/** How a headline figure is written: euros, a rate in %, a headcount with one decimal, or a count. */
export function formatFigure(key: HeadlineFigure['key'], value: number | null, locale: Locale, short = false): string {
  if (key === 'funds_raised_eur') return short ? formatEurosShortOrFull(value, locale) : formatEuros(value, locale);
  if (key === 'occupancy_rate' || key === 'milestone_completion' || key === 'report_completion') return formatPercent(value, locale);
  return formatNumber(value, locale, key === 'headcount' ? 1 : 0);
}

function formatEurosShortOrFull(value: number | null, locale: Locale): string {
  if (value === null || Math.abs(value) < 1e5) return formatEuros(value, locale);
  const millions = Math.abs(value) >= 1e6;
  const text = formatNumber(value / (millions ? 1e6 : 1e3), locale, 1);
  return locale === 'fr' ? `${text} ${millions ? 'M€' : 'k€'}` : `€${text}${millions ? 'M' : 'k'}`;
}

/** The share a part is of a whole, in % with one decimal, or null. */
export function share(part: number | string | null, whole: number | string | null): number | null {
  if (part === null || whole === null || Number(whole) === 0) return null;
  return Math.round((Number(part) / Number(whole)) * 1000) / 10;
}

/**
 * The executive summary's one-line comment, computed from the figures: jobs and their change on the
 * quarter before, funds raised (and in how many rounds), active startups, occupancy, and how far the
 * year's first target is reached. Withheld or missing figures are left out, never written as zero.
 */
export function summaryComment(data: BoardQuarterResponse, locale: Locale): string {
  const fig = (key: HeadlineFigure['key']) => data.headline.find((f) => f.key === key);
  const jobs = fig('jobs_created');
  const funds = fig('funds_raised_eur');
  const active = fig('active_startups');
  const occupancy = fig('occupancy_rate');
  const before = previousQuarter(data.quarter, 1);
  const rounds = data.rounds.length + data.roundsWithheld;
  const fr = locale === 'fr';
  const parts: string[] = [];
  if (jobs?.value != null) {
    const delta = change(jobs.value, jobs.previousQuarter);
    const count = formatNumber(jobs.value, locale);
    const noun = fr ? (jobs.value > 1 ? 'emplois créés' : 'emploi créé') : jobs.value === 1 ? 'job created' : 'jobs created';
    parts.push(`${count} ${noun}${delta === null ? '' : fr ? ` (${formatChange(delta, locale)} par rapport au ${quarterLabel(before, locale)})` : ` (${formatChange(delta, locale)} on ${quarterLabel(before, locale)})`}`);
  }
  if (funds?.value != null) {
    const inRounds = rounds > 0 ? (fr ? ` en ${rounds} ${rounds > 1 ? 'levées' : 'levée'}` : ` in ${rounds} ${rounds > 1 ? 'rounds' : 'round'}`) : '';
    parts.push(`${formatEuros(funds.value, locale)} ${fr ? 'levés' : 'raised'}${inRounds}`);
  }
  if (active?.value != null) parts.push(fr ? `${formatNumber(active.value, locale)} startups actives` : `${formatNumber(active.value, locale)} active startups`);
  if (occupancy?.value != null) parts.push(fr ? `taux d’occupation de ${formatPercent(occupancy.value, locale)}` : `occupancy at ${formatPercent(occupancy.value, locale)}`);
  const target = data.targets.find((t) => t.actual !== null && Number(t.target) > 0);
  if (target) {
    const reached = formatPercent(share(target.actual, target.target), locale, 0);
    parts.push(fr ? `${reached} de l’objectif ${target.year} « ${TARGET_LABELS.fr[target.key].replace(' (€)', '').toLowerCase()} »` : `${reached} of the ${target.year} target for ${TARGET_LABELS.en[target.key].replace(' (€)', '').toLowerCase()}`);
  }
  if (!parts.length) return fr ? 'Aucun chiffre publiable pour ce trimestre.' : 'No figure can be published for this quarter.';
  const text = parts.join(fr ? ' ; ' : '; ');
  return fr ? `Au ${quarterLabel(data.quarter, locale)} : ${text}.` : `In ${quarterLabel(data.quarter, locale)}: ${text}.`;
}
