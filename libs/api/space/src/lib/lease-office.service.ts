import { Injectable } from '@nestjs/common';
import type { Caller } from '@incubator/api/identity';
import type { LeaseOfficeResponse, LeaseResponse } from '@incubator/contracts';
import { BuildingRepository } from './building.repository';
import { FloorService } from './floor.service';
import { LeaseService } from './lease.service';

/** The day a lease's office is shown on: today while it runs, its first day before, its last day after. */
export function officeDay(lease: Pick<LeaseResponse, 'startsOn' | 'endsOn'>, today: string): string {
  if (today < lease.startsOn) return lease.startsOn;
  if (lease.endsOn && today >= lease.endsOn) {
    const last = new Date(`${lease.endsOn}T00:00:00Z`);
    last.setUTCDate(last.getUTCDate() - 1);
    return last.toISOString().slice(0, 10);
  }
  return today;
}

/**
 * A lease's building, floor and the floor's modules with the lease's own marked. A startup member
 * reads only their own leases (others answer 404, as for the lease itself) and never learns who the
 * other tenants are.
 */
@Injectable()
export class LeaseOfficeService {
  constructor(
    private readonly leases: LeaseService,
    private readonly floors: FloorService,
    private readonly buildings: BuildingRepository,
  ) {}

  async office(caller: Caller, leaseId: string, today: string = new Date().toISOString().slice(0, 10)): Promise<LeaseOfficeResponse> {
    const lease = await this.leases.get(caller, leaseId);
    const on = officeDay(lease, today);
    const plan = await this.floors.plan(caller.organisationId, lease.floorId, on);
    const building = (await this.buildings.list(caller.organisationId, null)).find((b) => b.id === plan.floor.buildingId);
    const mine = new Set(lease.moduleIds);
    return {
      leaseId: lease.id,
      buildingName: building?.name ?? null,
      floorName: plan.floor.name,
      floorLevel: plan.floor.level,
      on,
      columns: plan.columns,
      rows: plan.rows,
      modules: plan.modules.map((m) => ({ col: m.col, row: m.row, mine: mine.has(m.id), retired: m.retired })),
    };
  }
}
