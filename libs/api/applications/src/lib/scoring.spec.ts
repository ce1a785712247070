import { aggregate, planAssignments, ranks, weightedScore } from './scoring';

const criteria = [
  { id: 'team', weight: 3 },
  { id: 'market', weight: 2 },
  { id: 'innovation', weight: 1 },
];
const scores = (team: number, market: number, innovation: number) => new Map([['team', team], ['market', market], ['innovation', innovation]]);

describe('scoring', () => {
  it('weights each criterion: Σ(score × weight) / Σ(weight), two decimals', () => {
    expect(weightedScore(criteria, scores(5, 3, 1))).toBe(Number(((5 * 3 + 3 * 2 + 1) / 6).toFixed(2)));
    expect(weightedScore(criteria, new Map([['team', 4]]))).toBe(4);
    expect(weightedScore(criteria, new Map())).toBeNull();
  });

  it('averages the reviews, gives their spread and flags a disagreement of 2 points', () => {
    const close = aggregate(criteria, [scores(4, 4, 4), scores(4, 3, 4)]);
    expect(close).toMatchObject({ spread: 0.33, disagreement: false });
    expect(close.weightedAverage).toBeCloseTo((4 + 22 / 6) / 2, 1);
    // Weighted scores 1.5 apart, but one criterion 2 apart: flagged.
    const oneCriterion = aggregate(criteria, [scores(3, 3, 5), scores(3, 3, 3)]);
    expect(oneCriterion.spread).toBeLessThan(2);
    expect(oneCriterion.disagreement).toBe(true);
    expect(aggregate(criteria, [scores(5, 5, 5), scores(2, 3, 3)]).disagreement).toBe(true);
    expect(aggregate(criteria, [])).toMatchObject({ weightedAverage: null, spread: null, disagreement: false });
  });

  it('ranks by descending average, ties sharing a rank, unscored unranked', () => {
    expect(ranks([3.5, null, 4.2, 3.5])).toEqual([2, null, 1, 2]);
  });

  it('assigns every reviewer, or N per application to the least loaded, never again after a conflict', () => {
    const all = planAssignments({ mode: 'all', perApplication: null, reviewers: ['a', 'b'], applications: [{ id: 'x', assigned: ['a'], active: 1 }], load: new Map() });
    expect(all).toEqual([{ applicationId: 'x', reviewerId: 'b' }]);

    const balanced = planAssignments({
      mode: 'balanced',
      perApplication: 2,
      reviewers: ['a', 'b', 'c'],
      applications: [
        { id: 'x', assigned: [], active: 0 },
        { id: 'y', assigned: [], active: 0 },
        { id: 'z', assigned: ['a'], active: 0 }, // a declared a conflict on z
      ],
      load: new Map([['a', 1]]),
    });
    const load = new Map<string, number>([['a', 1], ['b', 0], ['c', 0]]);
    for (const p of balanced) load.set(p.reviewerId, (load.get(p.reviewerId) ?? 0) + 1);
    expect(balanced.filter((p) => p.applicationId === 'x')).toHaveLength(2);
    expect(balanced.filter((p) => p.applicationId === 'z').map((p) => p.reviewerId)).not.toContain('a');
    expect(balanced).toHaveLength(6);
    // 6 new assignments over 3 reviewers, a starting with one already: nobody more than one ahead in the end.
    expect(Math.max(...load.values()) - Math.min(...load.values())).toBeLessThanOrEqual(1);
  });
});
