import { MilestoneResponse } from '@incubator/contracts';
import { kpiReport } from '../../core/kpis/kpi-fixtures';
import { portalTodo } from './portal-todo';

function milestone(id: string, dueOn: string, status: MilestoneResponse['status'] = 'planned'): MilestoneResponse {
  return {
    id,
    startupId: 'startup-1',
    title: `Milestone ${id}`,
    category: 'customers',
    dueOn,
    status,
    evidenceNote: null,
    evidenceUrl: null,
    overdue: false,
    comments: [],
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

describe('the founder to-do list', () => {
  const today = '2026-03-20';

  it("lists last month's report until it is handed in, with its due date and the days left", () => {
    expect(portalTodo(today, [], [])).toEqual([
      { kind: 'report', period: '2026-02', dueOn: '2026-03-16', reportId: null, status: 'none', daysLeft: -4 },
    ]);
    expect(portalTodo(today, [kpiReport('2026-02', { status: 'submitted' })], [])).toEqual([]);
  });

  it('lists a report handed back or left in draft, not the old months never started', () => {
    const items = portalTodo(
      today,
      [kpiReport('2026-02', { status: 'validated' }), kpiReport('2025-12', { id: 'r-dec', status: 'returned' })],
      [],
    );
    expect(items).toEqual([
      { kind: 'report', period: '2025-12', dueOn: '2026-01-16', reportId: 'r-dec', status: 'returned', daysLeft: -63 },
    ]);
  });

  it('lists open milestones overdue or due within 30 days, soonest first among the reports', () => {
    const items = portalTodo(
      today,
      [],
      [
        milestone('late', '2026-03-01'),
        milestone('soon', '2026-04-10', 'in_progress'),
        milestone('far', '2026-06-01'),
        milestone('done', '2026-03-25', 'achieved'),
      ],
    );
    expect(items.map((i) => (i.kind === 'report' ? i.period : i.milestone.id))).toEqual(['late', '2026-02', 'soon']);
    expect(items[2].daysLeft).toBe(21);
  });
});
