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
  const table = new DisclosureTable();
  const index = new Map<string, number>([...entries].map(([id, entry]) => [id, table.add(entry)]));
  for (const r of relations) table.relate(index.get(r.total) ?? MISSING, r.parts.map((id) => index.get(id) ?? MISSING));
  const hidden = table.withheld(threshold);
  return new Set([...index].filter(([, i]) => hidden[i]).map(([id]) => id));
}

/** A relation's member that is no entry: a known zero, never withheld (see Relation). */
export const MISSING = 0;

/**
 * The same rules over entries numbered as they are added, relations as arrays of those numbers: what a
 * board table of thousands of entries in about a thousand relations is computed with (the fixpoint
 * visits every relation once per pass; numbers instead of string ids make a pass a few array reads).
 */
export class DisclosureTable {
  private readonly entries: Array<DisclosureEntry | undefined> = [undefined]; // MISSING
  private readonly relations: Int32Array[] = [];

  /** The entry's number. */
  add(entry: DisclosureEntry): number {
    return this.entries.push(entry) - 1;
  }

  /** total = Σ parts (numbers from `add`, or MISSING). */
  relate(total: number, parts: readonly number[]): void {
    this.relations.push(Int32Array.from([total, ...parts])); // total first
  }

  /** Per entry number, 1 when withheld. */
  withheld(threshold: number): Uint8Array {
    const entries = this.entries;
    const hidden = new Uint8Array(entries.length);
    entries.forEach((entry, i) => {
      if (entry && (entry.fixed ? entry.fixed.hidden : entry.startups > 0 && entry.startups < threshold)) hidden[i] = 1;
    });
    const eligible = (i: number) => {
      const entry = entries[i];
      return !!entry && !entry.fixed && entry.startups > 0 && !hidden[i];
    };
    // Monotone (entries are only ever added), so this ends after at most one pass per entry.
    for (let changed = true; changed; ) {
      changed = false;
      for (const relation of this.relations) {
        let withheldMembers = 0;
        for (let k = 0; k < relation.length && withheldMembers < 2; k++) withheldMembers += hidden[relation[k]];
        if (withheldMembers !== 1) continue;
        // The smallest eligible part, the first of equals; when no part can be withheld (all known zeros
        // or decided elsewhere), the total goes instead.
        let pick = -1;
        for (let k = 1; k < relation.length; k++) {
          const part = relation[k];
          if (eligible(part) && (pick < 0 || compare(entries[part] as DisclosureEntry, entries[pick] as DisclosureEntry) < 0)) pick = part;
        }
        if (pick < 0 && eligible(relation[0])) pick = relation[0];
        if (pick < 0) continue;
        hidden[pick] = 1;
        changed = true;
      }
    }
    return hidden;
  }
}

function compare(a: DisclosureEntry, b: DisclosureEntry): number {
  return a.startups - b.startups || a.magnitude - b.magnitude;
}
