import type { ApplicationStatus, Decision } from './applications';
import type { RoundKind, RoundStatus } from './funding';
import type { KpiReportStatus } from './kpis';
import type { Locale } from './locale';
import type { EnrollmentStatus, ProgramKind, Sector, Stage } from './programs';

/**
 * The words a reader sees for the codes the API stores (the same as the web client's fr.json / en.json):
 * every server-made document (board pack, exports) shows these, never the code.
 */
export const SECTOR_LABELS: Record<Locale, Record<Sector, string>> = {
  fr: {
    ai: 'Intelligence artificielle',
    cybersecurity: 'Cybersécurité',
    edtech: 'Edtech',
    fintech: 'Fintech',
    foodtech: 'Foodtech',
    greentech: 'Greentech',
    healthtech: 'Santé',
    industry: 'Industrie',
    media: 'Médias',
    mobility: 'Mobilité',
    retail: 'Commerce',
    other: 'Autre',
  },
  en: {
    ai: 'Artificial intelligence',
    cybersecurity: 'Cybersecurity',
    edtech: 'Edtech',
    fintech: 'Fintech',
    foodtech: 'Foodtech',
    greentech: 'Greentech',
    healthtech: 'Healthtech',
    industry: 'Industry',
    media: 'Media',
    mobility: 'Mobility',
    retail: 'Retail',
    other: 'Other',
  },
};

export const STAGE_LABELS: Record<Locale, Record<Stage, string>> = {
  fr: { idea: 'Idée', prototype: 'Prototype', mvp: 'MVP', revenue: 'Premiers revenus', scale: 'Croissance' },
  en: { idea: 'Idea', prototype: 'Prototype', mvp: 'MVP', revenue: 'First revenue', scale: 'Scale-up' },
};

export const PROGRAM_KIND_LABELS: Record<Locale, Record<ProgramKind, string>> = {
  fr: { incubator: 'Incubateur', accelerator: 'Accélérateur', business_centre: 'Centre d’affaires' },
  en: { incubator: 'Incubator', accelerator: 'Accelerator', business_centre: 'Business centre' },
};

export const ENROLLMENT_STATUS_LABELS: Record<Locale, Record<EnrollmentStatus, string>> = {
  fr: { applied: 'Candidate', admitted: 'Admise', active: 'En cours', graduated: 'Diplômée', withdrawn: 'Retirée' },
  en: { applied: 'Applied', admitted: 'Admitted', active: 'Active', graduated: 'Graduated', withdrawn: 'Withdrawn' },
};

export const ROUND_KIND_LABELS: Record<Locale, Record<RoundKind, string>> = {
  fr: {
    pre_seed: 'Pré-amorçage',
    seed: 'Amorçage',
    series_a: 'Série A',
    series_b: 'Série B',
    series_c_plus: 'Série C et suivantes',
    bridge: 'Bridge',
    grant: 'Subvention',
    public_loan: 'Prêt public',
    bank_loan: 'Prêt bancaire',
    crowdfunding: 'Financement participatif',
  },
  en: {
    pre_seed: 'Pre-seed',
    seed: 'Seed',
    series_a: 'Series A',
    series_b: 'Series B',
    series_c_plus: 'Series C and later',
    bridge: 'Bridge',
    grant: 'Grant',
    public_loan: 'Public loan',
    bank_loan: 'Bank loan',
    crowdfunding: 'Crowdfunding',
  },
};

export const ROUND_STATUS_LABELS: Record<Locale, Record<RoundStatus, string>> = {
  fr: { planned: 'Prévue', announced: 'Annoncée', closed: 'Close', cancelled: 'Annulée' },
  en: { planned: 'Planned', announced: 'Announced', closed: 'Closed', cancelled: 'Cancelled' },
};

export const KPI_REPORT_STATUS_LABELS: Record<Locale, Record<KpiReportStatus, string>> = {
  fr: { draft: 'Brouillon', submitted: 'Soumis', validated: 'Validé', returned: 'Renvoyé' },
  en: { draft: 'Draft', submitted: 'Submitted', validated: 'Validated', returned: 'Returned' },
};

export const APPLICATION_STATUS_LABELS: Record<Locale, Record<ApplicationStatus, string>> = {
  fr: { draft: 'Brouillon', submitted: 'Déposée', in_review: 'En évaluation', shortlisted: 'Présélectionnée', pitch: 'Pitch', decided: 'Décidée' },
  en: { draft: 'Draft', submitted: 'Submitted', in_review: 'In review', shortlisted: 'Shortlisted', pitch: 'Pitch', decided: 'Decided' },
};

export const DECISION_LABELS: Record<Locale, Record<Decision, string>> = {
  fr: { admit: 'Admise', reject: 'Refusée', waitlist: 'Liste d’attente' },
  en: { admit: 'Admitted', reject: 'Rejected', waitlist: 'Waitlisted' },
};

/** The label of a code in one of the tables above; an unknown code (or none) is shown as it is. */
export function labelOf<T extends string>(labels: Record<Locale, Record<T, string>>, locale: Locale, code: string | null | undefined): string {
  if (code === null || code === undefined) return '';
  return (labels[locale] as Record<string, string>)[code] ?? code;
}
