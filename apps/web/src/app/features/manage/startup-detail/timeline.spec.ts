import { EnrollmentResponse, MilestoneResponse } from '@incubator/contracts';
import { buildTimeline } from './timeline';

const enrollment: EnrollmentResponse = {
  id: 'enr-1',
  cohortId: 'cohort-1',
  cohortName: 'Spring 2026',
  programName: 'Incubator Lille',
  startupId: 'startup-1',
  startupName: 'Acme SAS',
  status: 'admitted',
  history: [
    { from: null, to: 'applied', at: '2026-01-10T09:00:00.000Z', by: 'Camille', note: null },
    { from: 'applied', to: 'admitted', at: '2026-02-03T14:30:00.000Z', by: 'Camille', note: 'Strong team' },
  ],
};

function milestone(title: string, dueOn: string): MilestoneResponse {
  return {
    id: title,
    startupId: 'startup-1',
    title,
    category: 'product',
    dueOn,
    status: 'planned',
    evidenceNote: null,
    evidenceUrl: null,
    overdue: false,
    comments: [],
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

describe('buildTimeline', () => {
  it('mixes enrollment moves and milestones in date order, oldest first', () => {
    const timeline = buildTimeline([enrollment], [milestone('MVP', '2026-01-20'), milestone('Seed', '2026-06-30')]);

    expect(timeline.map((e) => (e.kind === 'enrollment' ? `${e.kind}:${e.to}` : `${e.kind}:${e.title}`))).toEqual([
      'enrollment:applied',
      'milestone:MVP',
      'enrollment:admitted',
      'milestone:Seed',
    ]);
  });

  it('keeps what each entry needs to be told', () => {
    const [, admitted] = buildTimeline([enrollment], []);

    expect(admitted).toEqual({
      kind: 'enrollment',
      at: '2026-02-03T14:30:00.000Z',
      cohortName: 'Spring 2026',
      programName: 'Incubator Lille',
      from: 'applied',
      to: 'admitted',
      by: 'Camille',
      note: 'Strong team',
    });
  });

  it('is empty for a startup with no enrollment and no milestone', () => {
    expect(buildTimeline([], [])).toEqual([]);
  });
});
