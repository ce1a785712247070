import { HOME_AREA, isRole, OPERATOR_ROLE, Permission, permissionsOf, ROLE_PERMISSIONS, roleCan, ROLES } from './identity';

describe('roles and permissions', () => {
  it('gives admins every permission but operating the platform', () => {
    for (const permission of Object.values(Permission)) {
      expect(roleCan('admin', permission)).toBe(permission !== Permission.SystemOperate);
    }
  });

  it('keeps system:operate (global queues, heartbeats) to the platform operator, who holds nothing else', () => {
    for (const role of ROLES) expect(roleCan(role, Permission.SystemOperate)).toBe(false);
    expect(permissionsOf(OPERATOR_ROLE)).toEqual([Permission.SystemOperate]);
    expect(roleCan(OPERATOR_ROLE, Permission.OrganisationRead)).toBe(false);
    expect(HOME_AREA[OPERATOR_ROLE]).toBe('operator');
    // Not an organisation role: nobody can be invited or promoted to it.
    expect(isRole(OPERATOR_ROLE)).toBe(false);
  });

  it('never lets board or startup members manage users or read the audit trail', () => {
    for (const role of ['board', 'startup'] as const) {
      expect(roleCan(role, Permission.UsersManage)).toBe(false);
      expect(roleCan(role, Permission.AuditRead)).toBe(false);
      expect(roleCan(role, Permission.UsersRead)).toBe(false);
    }
  });

  it('declares only known permissions and a home area for every role', () => {
    const known = new Set<string>(Object.values(Permission));
    for (const role of ROLES) {
      expect(ROLE_PERMISSIONS[role].every((p) => known.has(p))).toBe(true);
      expect(HOME_AREA[role]).toBeDefined();
    }
  });

  it('recognises roles', () => {
    expect(isRole('manager')).toBe(true);
    expect(isRole('superuser')).toBe(false);
  });
});
