import { CriterionResponse, ScoreInput } from '@incubator/contracts';

/** Σ(score × weight) / Σ(weight of the criteria scored), 2 decimals, as the API computes it; null when none is scored. */
export function weightedScore(criteria: readonly CriterionResponse[], scores: readonly ScoreInput[]): number | null {
  let total = 0;
  let weights = 0;
  for (const criterion of criteria) {
    const score = scores.find((s) => s.criterionId === criterion.id)?.score;
    if (typeof score === 'number') {
      total += score * criterion.weight;
      weights += criterion.weight;
    }
  }
  return weights === 0 ? null : Math.round((total / weights) * 100) / 100;
}
