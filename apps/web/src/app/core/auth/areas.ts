import { CallerRole } from '@incubator/contracts';

/** The lazy areas of the client, one per kind of user (see HOME_AREA). */
export const AREAS = ['manage', 'startup', 'board', 'admin', 'operator', 'review'] as const;
export type Area = (typeof AREAS)[number];

/**
 * Which roles may open each area. This only decides what the client shows: the API enforces
 * every rule on its own. Board members may open the board area read-only, so managers and
 * admins, who prepare what the board reads, open it too. The platform operator, who belongs to no
 * organisation, opens only the operator area (the platform's queues and heartbeats). Reviewers,
 * the external jury, open only the review area.
 */
export const AREA_ROLES: Readonly<Record<Area, readonly CallerRole[]>> = {
  manage: ['manager', 'admin'],
  startup: ['startup'],
  board: ['board', 'admin', 'manager'],
  admin: ['admin'],
  operator: ['operator'],
  // The external jury of the calls for applications. Only members with the reviewer role are
  // assigned applications, so the area would always be empty for anyone else.
  review: ['reviewer'],
};

export function isArea(value: unknown): value is Area {
  return typeof value === 'string' && (AREAS as readonly string[]).includes(value);
}

export function canOpenArea(role: CallerRole, area: Area): boolean {
  return AREA_ROLES[area].includes(role);
}
