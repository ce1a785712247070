import { DisclosureEntry, Relation, withheld } from './disclosure';

const entries = (values: Record<string, [startups: number, magnitude: number]>) =>
  new Map<string, DisclosureEntry>(Object.entries(values).map(([id, [startups, magnitude]]) => [id, { startups, magnitude }]));

describe('withheld (primary and complementary suppression)', () => {
  it('withholds figures behind fewer startups than the threshold, not known zeros', () => {
    expect([...withheld(entries({ a: [2, 10], b: [3, 10], z: [0, 0] }), [], 3)]).toEqual(['a']);
  });

  it('withholds the next-smallest sibling when exactly one part of a total is withheld', () => {
    const cells = entries({ total: [10, 1000], ai: [1, 400], fintech: [6, 500], greentech: [3, 100] });
    const hidden = withheld(cells, [{ total: 'total', parts: ['ai', 'fintech', 'greentech'] }], 3);
    expect([...hidden].sort()).toEqual(['ai', 'greentech']);
  });

  it('follows the consequences through nested tables until no relation has exactly one withheld member', () => {
    // org = north + south; north = p1 + p3; south = p2; org = p1 + p2 + p3.
    const cells = entries({ org: [8, 14400], north: [5, 12600], south: [3, 1800], p1: [4, 4600], p2: [3, 1800], p3: [1, 8000] });
    const relations: Relation[] = [
      { total: 'org', parts: ['north', 'south'] },
      { total: 'north', parts: ['p1', 'p3'] },
      { total: 'south', parts: ['p2'] },
      { total: 'org', parts: ['p1', 'p2', 'p3'] },
    ];
    const hidden = withheld(cells, relations, 3);
    expect([...hidden].sort()).toEqual(['p1', 'p3']);
    for (const r of relations) expect([r.total, ...r.parts].filter((id) => hidden.has(id)).length).not.toBe(1);
  });

  it('withholds the total when the only other parts are decided elsewhere (a year of published quarters)', () => {
    const cells = new Map<string, DisclosureEntry>([
      ['year', { startups: 9, magnitude: 900 }],
      ['q1', { startups: 2, magnitude: 100, fixed: { hidden: true } }],
      ['q2', { startups: 5, magnitude: 400, fixed: { hidden: false } }],
      ['q3', { startups: 5, magnitude: 400, fixed: { hidden: false } }],
    ]);
    expect([...withheld(cells, [{ total: 'year', parts: ['q1', 'q2', 'q3'] }], 3)].sort()).toEqual(['q1', 'year']);
  });
});
