import { LeaseResponse } from '@incubator/contracts';
import { shownLease } from './my-office.component';

function lease(id: string, startsOn: string, endsOn: string | null): LeaseResponse {
  return {
    id,
    startupId: 'startup-1',
    startupName: 'Acme SAS',
    floorId: 'floor-1',
    moduleIds: ['m-1'],
    startsOn,
    endsOn,
    programKind: 'incubator',
    areaM2: 24,
    monthlyPricePerM2Cents: 1000,
    monthlyRentCents: 24000,
    previousLeaseId: null,
  };
}

describe("the lease whose office 'Mon bureau' shows", () => {
  const ended = lease('ended', '2025-01-01', '2026-01-01');
  const running = lease('running', '2026-01-01', '2027-01-01');
  const next = lease('next', '2027-01-01', null);
  const later = lease('later', '2027-06-01', null);

  it('is the one running today, else the next to start, else none', () => {
    expect(shownLease([next, running, ended], '2026-06-01')?.id).toBe('running');
    expect(shownLease([later, next, ended], '2026-06-01')?.id).toBe('next');
    expect(shownLease([ended], '2026-06-01')).toBeNull();
    // Its last day is the day before endsOn.
    expect(shownLease([running], '2027-01-01')).toBeNull();
  });
});
