/**
 * Statistical disclosure control for the board's figures: primary suppression (a figure fewer than
 * `threshold` startups stand behind is withheld) and complementary suppression (a published figure is
 * withheld too when a reader could otherwise subtract their way to a withheld one).
 *
 * A board member sees tables whose parts add up to their total: the organisation and its sites, a site
 * and its programs, the organisation and its sectors, a year and its quarters, funds raised and their
 * round kinds. Whenever exactly one member of such a relation is withheld, "total − published parts" (or
 * "Σ parts" for the total) gives it back; so, until no relation has exactly one withheld member, the
 * smallest published part (fewest startups, then smallest value) is withheld as well — the usual rule of
 * statistical offices ("if one cell of a row is suppressed, suppress the next-smallest too").
 *
 * Parts may overlap (a startup in two programs): then the sum is only an upper bound, and treating it as
 * exact only withholds more, never less.
 */

/** One figure of one cell, e.g. the revenue of a site in a quarter. */
export interface DisclosureEntry {
  /** How many startups the figure comes from; 0 means a known zero (nothing to protect). */
  startups: number;
  /** Its absolute value: among equally small candidates, the smaller one is withheld. */
  magnitude: number;
  /** Decided elsewhere and already shown (or withheld): the algorithm reads it but never changes it. */
  fixed?: { hidden: boolean };
}

/** total = Σ parts, along which a reader can subtract. Missing entries are known zeros. */
export interface Relation {
  total: string;
  parts: string[];
}

/** The ids of the entries to withhold. */
export function withheld(entries: ReadonlyMap<string, DisclosureEntry>, relations: readonly Relation[], threshold: number): Set<string> {
  const hidden = new Set<string>();
  for (const [id, entry] of entries) {
    if (entry.fixed ? entry.fixed.hidden : entry.startups > 0 && entry.startups < threshold) hidden.add(id);
  }
  const eligible = (id: string) => {
    const entry = entries.get(id);
    return !!entry && !entry.fixed && entry.startups > 0 && !hidden.has(id);
  };
  // Monotone (entries are only ever added), so this ends after at most one pass per entry.
  for (let changed = true; changed; ) {
    changed = false;
    for (const relation of relations) {
      const members = [relation.total, ...relation.parts];
      if (members.filter((id) => hidden.has(id)).length !== 1) continue;
      const [smallest] = relation.parts.filter(eligible).sort((a, b) => compare(entries.get(a)!, entries.get(b)!));
      // When no part can be withheld (all known zeros or decided elsewhere), the total goes instead.
      const pick = smallest ?? (eligible(relation.total) ? relation.total : undefined);
      if (pick === undefined) continue;
      hidden.add(pick);
      changed = true;
    }
  }
  return hidden;
}

function compare(a: DisclosureEntry, b: DisclosureEntry): number {
  return a.startups - b.startups || a.magnitude - b.magnitude;
}
