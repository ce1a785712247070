import { quarterRange } from '@incubator/contracts';
import type { KpiAggregatesQuery, KpiAggregatesResponse } from '@incubator/contracts';
import type { BoardAggregatesRepository, BoardLayout } from './board-aggregates.repository';
import { DisclosureEntry, DisclosureTable, MISSING } from './disclosure';
import type { AggregateScope, RawAggregates } from './kpi-aggregates.repository';
import type { KpiAggregatesService } from './kpi-aggregates.service';
import { BoardRule, boardNotAllowed } from './kpi.errors';

/** The name of each figure a board member could be shown, as the disclosure rules see it. */
export const figureKey = {
  kpi: (key: string) => `kpi:${key}`,
  funds: 'funds',
  round: (kind: string) => `round:${kind}`,
  created: (year: number) => `created:${year}`,
};

/** A cell of the board's fixed partitions: the organisation, a site, a program, a sector, or the startups enrolled nowhere. */
export type CellId = 'organisation' | 'unassigned' | `site:${string}` | `program:${string}` | `sector:${string}`;

/** Every cell of the organisation's partitions for one whole quarter or year, as a board member sees it. */
export interface BoardTable extends BoardLayout {
  threshold: number;
  cells: Map<CellId, KpiAggregatesResponse>;
  isHidden(cell: CellId, figure: string): boolean;
}

type Period = { kind: 'quarter'; year: number } | { kind: 'year'; year: number };

/** A whole calendar quarter or year, or null. */
function boardPeriod(range: { from: string; to: string }): Period | null {
  const year = Number(range.from.slice(0, 4));
  if (range.from === `${year}-01-01` && range.to === `${year + 1}-01-01`) return { kind: 'year', year };
  for (let q = 1; q <= 4; q++) {
    const r = quarterRange(`${year}-Q${q}`)!;
    if (r.from === range.from && r.to === range.to) return { kind: 'quarter', year };
  }
  return null;
}

/** The scope of a cell, as aggregatesSql takes it. */
function scopeOf(id: CellId): Omit<AggregateScope, 'from' | 'to'> {
  if (id === 'organisation') return {};
  if (id === 'unassigned') return { unassigned: true };
  const [kind, value] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
  return kind === 'site' ? { siteId: value } : kind === 'program' ? { programId: value } : { sector: value };
}

const yearQuarters = (year: number) => [1, 2, 3, 4].map((q) => quarterRange(`${year}-Q${q}`)!);

/** The figures of one cell with how many startups stand behind each, and its own relation (funds = Σ round kinds). */
function figuresOf(raw: RawAggregates): { entries: Array<[string, DisclosureEntry]>; additive: Set<string>; relations: Array<{ total: string; parts: string[] }> } {
  const entries: Array<[string, DisclosureEntry]> = [];
  const additive = new Set<string>();
  for (const k of raw.kpis) {
    entries.push([figureKey.kpi(k.key), { startups: k.startups, magnitude: Math.abs(Number(k.value ?? 0)) }]);
    if (k.aggregation === 'sum') additive.add(figureKey.kpi(k.key));
  }
  const kinds: string[] = [];
  for (const r of raw.rounds) {
    const key = r.kind === null ? figureKey.funds : figureKey.round(r.kind);
    entries.push([key, { startups: r.startups, magnitude: Number(r.cents) }]);
    additive.add(key);
    if (r.kind !== null) kinds.push(key);
  }
  for (const y of raw.years) entries.push([figureKey.created(y.year), { startups: y.startups, magnitude: y.startups }]);
  return { entries, additive, relations: kinds.length ? [{ total: figureKey.funds, parts: kinds }] : [] };
}

/** A board table's figures numbered per (cell, figure) for the disclosure rules, and what they withhold. */
class CellFigures {
  readonly rules = new DisclosureTable();
  private readonly numbers = new Map<string, Map<string, number>>();

  add(cell: string, figure: string, entry: DisclosureEntry): void {
    let figures = this.numbers.get(cell);
    if (!figures) this.numbers.set(cell, (figures = new Map()));
    figures.set(figure, this.rules.add(entry));
  }

  has(cell: string, figure: string): boolean {
    return this.numbers.get(cell)?.has(figure) ?? false;
  }

  /** A cell's figures and their numbers (none: every figure of it is a known zero). */
  figuresOf(cell: string): ReadonlyMap<string, number> | undefined {
    return this.numbers.get(cell);
  }

  /** The number of a cell's figure (MISSING, a known zero, when it has none). */
  of(cell: string, figure: string): number {
    return this.numbers.get(cell)?.get(figure) ?? MISSING;
  }

  /** isHidden of the table, under `threshold`. */
  decide(threshold: number): (cell: CellId, figure: string) => boolean {
    const hidden = this.rules.withheld(threshold);
    return (cell, figure) => hidden[this.of(cell, figure)] === 1;
  }
}

/**
 * The board's figures (ASVS V8: a board member never receives one startup's figures). Only fixed
 * partitions — organisation, site, program, sector — of whole quarters or years; every cell of the
 * partitions is computed together so that complementary suppression (see disclosure.ts) can follow the
 * relations between them: organisation = Σ sites + unassigned = Σ programs + unassigned = Σ sectors,
 * site = Σ its programs, funds = Σ round kinds and, for a year, year = Σ its quarters (sums only).
 *
 * The organisation's own cell never needs a partition to be protected (whenever one part of a table is
 * withheld, another part can be), so it is computed alone when it is all that is asked.
 */
export class BoardAggregates {
  constructor(
    private readonly service: Pick<KpiAggregatesService, 'raw' | 'present' | 'boardCells' | 'organisationQuarters'>,
    private readonly repository: BoardAggregatesRepository,
  ) {}

  async cell(organisationId: string, query: KpiAggregatesQuery): Promise<KpiAggregatesResponse> {
    const broken: BoardRule[] = [];
    if (!boardPeriod(query)) broken.push('to');
    if (query.cohortId) broken.push('cohortId');
    const filters = [query.siteId, query.programId, query.sector].filter((f) => f !== undefined);
    if (filters.length > 1) broken.push('sector');
    if (broken.length) throw boardNotAllowed(broken);
    const id: CellId = query.siteId ? `site:${query.siteId}` : query.programId ? `program:${query.programId}` : query.sector ? `sector:${query.sector}` : 'organisation';
    const table = filters.length ? await this.table(organisationId, query) : await this.organisationOnly(organisationId, query);
    const cell = table.cells.get(id);
    if (cell) return cell;
    // A site or program of another organisation, or a sector nobody is in: nothing stands behind it.
    return this.service.present(await this.service.raw(organisationId, query), query, table.threshold, () => false);
  }

  /** Every cell of the partitions for a whole quarter or year. */
  async table(organisationId: string, query: { from: string; to: string }): Promise<BoardTable> {
    const range = { from: query.from, to: query.to }; // a query's own filters must not narrow the cells
    const period = boardPeriod(range);
    if (!period) throw new Error(`Not a whole quarter or year: ${range.from}..${range.to}`);
    const [threshold, layout, all] = await Promise.all([
      this.repository.threshold(organisationId),
      this.repository.layout(organisationId),
      this.service.boardCells(organisationId, range),
    ]);
    // Every cell in one statement (boardCellsSql), in the table's order.
    const ids: CellId[] = [
      'organisation',
      'unassigned',
      ...layout.sites.map((s): CellId => `site:${s.id}`),
      ...layout.programs.map((p): CellId => `program:${p.id}`),
      ...layout.sectors.map((s): CellId => `sector:${s}`),
    ];
    const raws = new Map<CellId, RawAggregates>();
    for (const id of ids) raws.set(id, all.get(id) ?? (await this.service.raw(organisationId, { ...scopeOf(id), ...range })));

    const entries = new CellFigures();
    const figures = new Set<string>();
    const additive = new Set<string>();
    const owns = [...raws].map(([id, raw]) => {
      const own = figuresOf(raw);
      for (const [figure, entry] of own.entries) {
        entries.add(id, figure, entry);
        figures.add(figure);
      }
      own.additive.forEach((f) => additive.add(f));
      return [id, own] as const;
    });
    for (const [id, own] of owns) {
      for (const r of own.relations) entries.rules.relate(entries.of(id, r.total), r.parts.map((p) => entries.of(id, p)));
    }
    const sum = (total: CellId, parts: CellId[]) => {
      const [totalFigures, ...partFigures] = [total, ...parts].map((cell) => entries.figuresOf(cell));
      for (const f of figures) entries.rules.relate(totalFigures?.get(f) ?? MISSING, partFigures.map((m) => m?.get(f) ?? MISSING));
    };
    sum('organisation', [...layout.sites.map((s): CellId => `site:${s.id}`), 'unassigned']);
    sum('organisation', [...layout.programs.map((p): CellId => `program:${p.id}`), 'unassigned']);
    sum('organisation', layout.sectors.map((s): CellId => `sector:${s}`));
    for (const site of layout.sites) sum(`site:${site.id}`, layout.programs.filter((p) => p.siteId === site.id).map((p): CellId => `program:${p.id}`));
    if (period.kind === 'year') await this.addQuarters(organisationId, period.year, [...raws.keys()], additive, entries);

    const isHidden = entries.decide(threshold);
    const cells = new Map<CellId, KpiAggregatesResponse>();
    for (const [id, raw] of raws) cells.set(id, this.service.present(raw, range, threshold, (f) => isHidden(id, f)));
    return { threshold, cells, ...layout, isHidden };
  }

  /** The organisation's cell of each of these single quarters, as a board member sees it (computed in one statement). */
  async organisationQuarters(organisationId: string, quarters: ReadonlyArray<{ from: string; to: string }>): Promise<KpiAggregatesResponse[]> {
    const [threshold, raws] = await Promise.all([this.repository.threshold(organisationId), this.service.organisationQuarters(organisationId, quarters)]);
    const tables = await Promise.all(quarters.map((q, i) => this.organisationOnly(organisationId, q, { threshold, raw: raws[i] })));
    return tables.map((t) => t.cells.get('organisation')!);
  }

  /** The organisation's cell alone (see the class comment), with its quarters when it is a year. */
  private async organisationOnly(organisationId: string, query: { from: string; to: string }, known?: { threshold: number; raw: RawAggregates }): Promise<BoardTable> {
    const range = { from: query.from, to: query.to };
    const period = boardPeriod(range)!;
    const threshold = known?.threshold ?? (await this.repository.threshold(organisationId));
    const raw = known?.raw ?? (await this.service.raw(organisationId, range));
    const own = figuresOf(raw);
    const entries = new CellFigures();
    for (const [figure, entry] of own.entries) entries.add('organisation', figure, entry);
    for (const r of own.relations) entries.rules.relate(entries.of('organisation', r.total), r.parts.map((p) => entries.of('organisation', p)));
    if (period.kind === 'year') await this.addQuarters(organisationId, period.year, ['organisation'], own.additive, entries, true);
    const isHidden = entries.decide(threshold);
    const cells = new Map<CellId, KpiAggregatesResponse>([['organisation', this.service.present(raw, range, threshold, (f) => isHidden('organisation', f))]]);
    return { threshold, cells, sites: [], programs: [], sectors: [], isHidden };
  }

  /**
   * year = Σ quarters for every summed figure of every cell: the quarters are decided by their own tables
   * (what a board member asking for them is shown) and only the year's figures may be withheld in addition.
   */
  private async addQuarters(
    organisationId: string,
    year: number,
    cells: CellId[],
    additive: Set<string>,
    entries: CellFigures,
    organisationOnly = false,
  ): Promise<void> {
    const quarters: BoardTable[] = [];
    for (const range of yearQuarters(year)) quarters.push(organisationOnly ? await this.organisationOnly(organisationId, range) : await this.table(organisationId, range));
    for (const cell of cells) {
      for (const figure of additive) {
        if (!entries.has(cell, figure)) continue;
        const parts = quarters.map((q) => entries.rules.add({ startups: 1, magnitude: 0, fixed: { hidden: q.isHidden(cell, figure) } }));
        entries.rules.relate(entries.of(cell, figure), parts);
      }
    }
  }
}
