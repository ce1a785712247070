import { DISAGREEMENT_SPREAD } from '@incubator/contracts';

/** One criterion's weight, and one reviewer's scores by criterion id. */
export interface Weighted {
  id: string;
  weight: number;
}
export type Scores = ReadonlyMap<string, number>;

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * A review's weighted score: Σ(score × weight) / Σ(weight) over the criteria it scored (1–5, two
 * decimals); null when it scored none.
 */
export function weightedScore(criteria: readonly Weighted[], scores: Scores): number | null {
  let sum = 0;
  let weights = 0;
  for (const criterion of criteria) {
    const score = scores.get(criterion.id);
    if (score === undefined) continue;
    sum += score * criterion.weight;
    weights += criterion.weight;
  }
  return weights === 0 ? null : round2(sum / weights);
}

export interface Aggregate {
  /** Mean of the reviews' weighted scores. */
  weightedAverage: number | null;
  /** max − min of the reviews' weighted scores. */
  spread: number | null;
  /**
   * The reviewers disagree: the spread of their weighted scores is at least DISAGREEMENT_SPREAD (2
   * points on the 1–5 scale), or so is the spread (max − min) of the scores of any one criterion.
   */
  disagreement: boolean;
  perCriterion: { criterionId: string; mean: number | null; spread: number | null }[];
}

/** Aggregates the submitted reviews of one application. */
export function aggregate(criteria: readonly Weighted[], reviews: readonly Scores[]): Aggregate {
  const totals = reviews.map((scores) => weightedScore(criteria, scores)).filter((value): value is number => value !== null);
  const perCriterion = criteria.map((criterion) => {
    const values = reviews.map((scores) => scores.get(criterion.id)).filter((value): value is number => value !== undefined);
    return {
      criterionId: criterion.id,
      mean: values.length ? round2(values.reduce((a, b) => a + b, 0) / values.length) : null,
      spread: values.length ? Math.max(...values) - Math.min(...values) : null,
    };
  });
  const spread = totals.length ? round2(Math.max(...totals) - Math.min(...totals)) : null;
  return {
    weightedAverage: totals.length ? round2(totals.reduce((a, b) => a + b, 0) / totals.length) : null,
    spread,
    disagreement: (spread ?? 0) >= DISAGREEMENT_SPREAD || perCriterion.some((c) => (c.spread ?? 0) >= DISAGREEMENT_SPREAD),
    perCriterion,
  };
}

/** 1-based ranks by descending average (ties share a rank); null for unscored. */
export function ranks(averages: ReadonlyArray<number | null>): Array<number | null> {
  const scored = averages.filter((value): value is number => value !== null).sort((a, b) => b - a);
  return averages.map((value) => (value === null ? null : scored.indexOf(value) + 1));
}

/**
 * Which reviewers to assign to each application. 'all': every reviewer (not already assigned).
 * 'balanced': up to `perApplication` reviewers per application, counting existing assignments,
 * each time the least-loaded reviewer (by current load, then by id for determinism) not yet on it.
 */
export function planAssignments(input: {
  mode: 'all' | 'balanced';
  perApplication: number | null;
  reviewers: readonly string[];
  /** `assigned`: every reviewer with an assignment row (conflicts included, never re-assigned); `active`: those without a conflict. */
  applications: ReadonlyArray<{ id: string; assigned: readonly string[]; active: number }>;
  /** Current number of assignments of each reviewer in the call. */
  load: ReadonlyMap<string, number>;
}): Array<{ applicationId: string; reviewerId: string }> {
  const plan: Array<{ applicationId: string; reviewerId: string }> = [];
  const load = new Map(input.reviewers.map((id) => [id, input.load.get(id) ?? 0]));
  for (const application of input.applications) {
    const taken = new Set(application.assigned);
    const missing = input.mode === 'all' ? input.reviewers.length : (input.perApplication ?? 1) - application.active;
    const candidates = input.reviewers
      .filter((id) => !taken.has(id))
      .sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || a.localeCompare(b));
    for (const reviewerId of candidates.slice(0, Math.max(0, missing))) {
      plan.push({ applicationId: application.id, reviewerId });
      load.set(reviewerId, (load.get(reviewerId) ?? 0) + 1);
    }
  }
  return plan;
}
