import type { EntityManager } from 'typeorm';

export interface ApplicationSeed {
  organisationId: string;
  /** The cohort the call fills, by its program's and its own name. */
  programName: string;
  cohortName: string;
  slug: string;
  /** User ids of the call's reviewers (members with the reviewer role). */
  reviewerIds: string[];
}

interface IdRow {
  id: string;
}

const QUESTIONS: Array<{ kind: string; fr: string; en: string; required: boolean; eligibility?: boolean; options?: Array<[string, string, string]>; eligible?: string[] }> = [
  {
    kind: 'single_choice',
    fr: 'Votre startup est-elle implantée (ou prête à s’implanter) dans les Hauts-de-France ?',
    en: 'Is your startup based (or ready to settle) in Hauts-de-France?',
    required: true,
    eligibility: true,
    options: [
      ['yes', 'Oui', 'Yes'],
      ['no', 'Non', 'No'],
    ],
    eligible: ['yes'],
  },
  { kind: 'short_text', fr: 'Votre projet en une phrase', en: 'Your project in one sentence', required: true },
  { kind: 'long_text', fr: 'Quel problème résolvez-vous, et pour qui ?', en: 'What problem do you solve, and for whom?', required: true },
  { kind: 'number', fr: 'Taille de l’équipe (ETP)', en: 'Team size (FTE)', required: true },
  {
    kind: 'multiple_choice',
    fr: 'Ce que vous attendez du programme',
    en: 'What you expect from the program',
    required: false,
    options: [
      ['funding', 'Financement', 'Funding'],
      ['mentoring', 'Mentorat', 'Mentoring'],
      ['office', 'Bureaux', 'Office space'],
      ['network', 'Réseau', 'Network'],
    ],
  },
  { kind: 'file', fr: 'Votre pitch deck (PDF, 10 Mo au plus)', en: 'Your pitch deck (PDF, at most 10 MB)', required: false },
];

const CRITERIA: Array<[string, string, number]> = [
  ['Équipe', 'Team', 3],
  ['Marché', 'Market', 2],
  ['Innovation', 'Innovation', 2],
];

/** name, e-mail, SIREN, locale, status, reviewer's scores (null: not reviewed), submitted review. */
const APPLICATIONS: Array<{ name: string; email: string; siren: string | null; locale: 'fr' | 'en'; status: string; scores: number[] | null }> = [
  { name: 'Lumen Optics SAS', email: 'founder@lumen-optics.test', siren: '813495124', locale: 'fr', status: 'in_review', scores: [4, 5, 4] },
  { name: 'Terril Energy SAS', email: 'hello@terril-energy.test', siren: null, locale: 'en', status: 'shortlisted', scores: [5, 4, 3] },
  { name: 'Houblon Labs SAS', email: 'team@houblon-labs.test', siren: null, locale: 'fr', status: 'in_review', scores: null },
  { name: 'Estaminet AI', email: 'contact@estaminet-ai.test', siren: null, locale: 'fr', status: 'draft', scores: null },
];

/**
 * An open call for the cohort (open from 30 days ago to 60 days ahead, moved along at each seeding so
 * it stays open), its questions and criteria, the reviewers, and a few applications: some reviewed,
 * one still a draft. Keyed by the call's slug and the applicants' e-mails, so reseeding adds nothing.
 */
export async function seedApplications(manager: EntityManager, data: ApplicationSeed): Promise<void> {
  const [cohort] = await manager.query<IdRow[]>(
    `SELECT c.id FROM cohorts c JOIN programs p ON p.id = c.program_id WHERE c.organisation_id = $1 AND p.name = $2 AND c.name = $3`,
    [data.organisationId, data.programName, data.cohortName],
  );
  if (!cohort) throw new Error(`The demo call names cohort ${data.cohortName} of ${data.programName}, which the seed does not declare`);
  const [call] = await manager.query<Array<{ id: string; fresh: boolean }>>(
    `INSERT INTO application_calls (organisation_id, cohort_id, slug, title_fr, title_en, description_fr, description_en, opens_on, closes_on, status,
                                    assignment_mode)
     VALUES ($1, $2, $3, 'Appel à candidatures — Health Accelerator 2026', 'Call for applications — Health Accelerator 2026',
             'Six mois d’accompagnement, des bureaux sur le campus santé et un réseau d’investisseurs pour les startups de la santé.',
             'Six months of support, offices on the health campus and an investor network for health startups.',
             current_date - 30, current_date + 60, 'open', 'all')
     ON CONFLICT (organisation_id, slug) DO UPDATE SET opens_on = EXCLUDED.opens_on, closes_on = EXCLUDED.closes_on, status = 'open'
     RETURNING id, (xmax = 0) AS fresh`,
    [data.organisationId, cohort.id, data.slug],
  );
  if (!call.fresh) return;

  const questionIds: string[] = [];
  for (const [position, q] of QUESTIONS.entries()) {
    const [row] = await manager.query<IdRow[]>(
      `INSERT INTO application_questions (organisation_id, call_id, position, kind, label_fr, label_en, required, eligibility, options, eligible_values)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb) RETURNING id`,
      [
        data.organisationId,
        call.id,
        position,
        q.kind,
        q.fr,
        q.en,
        q.required,
        q.eligibility ?? false,
        JSON.stringify((q.options ?? []).map(([value, fr, en]) => ({ value, label: { fr, en } }))),
        JSON.stringify(q.eligible ?? []),
      ],
    );
    questionIds.push(row.id);
  }
  const criterionIds: string[] = [];
  for (const [position, [fr, en, weight]] of CRITERIA.entries()) {
    const [row] = await manager.query<IdRow[]>(
      `INSERT INTO application_criteria (organisation_id, call_id, position, label_fr, label_en, weight) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [data.organisationId, call.id, position, fr, en, weight],
    );
    criterionIds.push(row.id);
  }
  for (const reviewerId of data.reviewerIds) {
    await manager.query(`INSERT INTO application_call_reviewers (organisation_id, call_id, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      data.organisationId,
      call.id,
      reviewerId,
    ]);
  }

  for (const [index, a] of APPLICATIONS.entries()) {
    const answers: Record<string, unknown> = {
      [questionIds[0]]: 'yes',
      [questionIds[1]]: a.locale === 'fr' ? `${a.name} : une solution pour les soignants` : `${a.name}: a tool for carers`,
      [questionIds[2]]: a.locale === 'fr' ? 'Les équipes soignantes perdent du temps ; nous le leur rendons.' : 'Care teams lose time; we give it back.',
      [questionIds[3]]: 3 + index,
      [questionIds[4]]: ['mentoring', 'funding'],
    };
    const submitted = a.status !== 'draft';
    const [application] = await manager.query<IdRow[]>(
      `INSERT INTO applications (organisation_id, call_id, email, startup_name, siren, locale, status, answers, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, CASE WHEN $9::boolean THEN now() - make_interval(days => $10) END)
       ON CONFLICT (call_id, email) DO NOTHING RETURNING id`,
      [data.organisationId, call.id, a.email, a.name, a.siren, a.locale, a.status, JSON.stringify(answers), submitted, 20 - index * 3],
    );
    if (!application || !submitted) continue;
    for (const reviewerId of data.reviewerIds) {
      await manager.query(`INSERT INTO application_assignments (organisation_id, application_id, reviewer_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
        data.organisationId,
        application.id,
        reviewerId,
      ]);
      if (!a.scores) continue;
      await manager.query(
        `INSERT INTO application_reviews (organisation_id, application_id, reviewer_id, comment, submitted_at) VALUES ($1, $2, $3, $4, now())`,
        [data.organisationId, application.id, reviewerId, a.locale === 'fr' ? 'Équipe solide, marché à préciser.' : 'Strong team, market to be sharpened.'],
      );
      for (const [i, score] of a.scores.entries()) {
        await manager.query(
          `INSERT INTO application_scores (organisation_id, application_id, reviewer_id, criterion_id, score) VALUES ($1, $2, $3, $4, $5)`,
          [data.organisationId, application.id, reviewerId, criterionIds[i], score],
        );
      }
    }
  }
}
