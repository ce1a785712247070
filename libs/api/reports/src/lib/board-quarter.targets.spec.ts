import type { YearToDateFigures } from '@incubator/api/kpis';
import type { KpiAggregatesResponse } from '@incubator/contracts';
import { ytdWithheld } from './board-quarter.service';

const raw = (fundsStartups: number, jobsStartups: number): YearToDateFigures => ({
  jobsCreated: { total: '12', startups: jobsStartups },
  activeStartups: 10,
  funds: { cents: '123000000', startups: fundsStartups },
});
/** A quarter as a board member saw it: funds and jobs withheld or not. */
const quarter = (fundsHidden: boolean, jobsHidden = false) => ({ suppressionThreshold: 3, fundsRaisedEur: fundsHidden ? null : '1.00', jobsCreated: jobsHidden ? null : '1' }) as KpiAggregatesResponse;

describe("the year to date against the targets, under the board's suppression rules", () => {
  it('shows the year to date when no quarter is withheld and enough startups stand behind it', () => {
    expect(ytdWithheld(raw(5, 5), [quarter(false), quarter(false), quarter(false)])).toEqual(new Set());
  });

  it('withholds it when exactly one quarter is withheld: year to date − the published quarters would give it back', () => {
    expect(ytdWithheld(raw(5, 5), [quarter(false), quarter(true), quarter(false)])).toEqual(new Set(['funds']));
  });

  it('shows it when two quarters are withheld (only their sum follows) — the figure the dashboard used to show as "—"', () => {
    expect(ytdWithheld(raw(5, 5), [quarter(true), quarter(true, true), quarter(false)])).toEqual(new Set(['jobs']));
  });

  it('withholds it when fewer startups than the threshold stand behind it', () => {
    expect(ytdWithheld(raw(2, 5), [quarter(false), quarter(false)])).toEqual(new Set(['funds']));
  });
});
