import { AuditEvent } from '@incubator/api/audit';
import { Invitation, Membership, PasswordReset, Session, User } from '@incubator/api/identity';
import { Organisation, Site } from '@incubator/api/organisations';
import { Startup } from '@incubator/api/startups';
import { Heartbeat } from '@incubator/api/system';

/** Every entity of the application; a new domain adds its entities here. */
export const ENTITIES = [Organisation, Site, Startup, User, Membership, Invitation, PasswordReset, Session, AuditEvent, Heartbeat];
