import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { loggableError } from '@incubator/api/sql';
import { type RecentEvents, SecurityEventRepository } from './security-event.repository';

/** Every kind of security event, declared once. */
export const SECURITY_EVENT_TYPES = [
  'sign-in.succeeded',
  'sign-in.failed',
  'sign-in.locked',
  'mfa.enabled',
  'mfa.disabled',
  'mfa.failed',
  'mfa.recovery-code-used',
  'refresh-token.reused',
  'session.revoked',
  'password.changed',
  'password.reset-requested',
  'password.reset',
  'member.role-changed',
  'export.downloaded',
  'report.downloaded',
  'rate-limit.exceeded',
] as const;
export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

export interface SecurityEvent {
  type: SecurityEventType;
  organisationId?: string | null;
  userId?: string | null;
  /** The address typed at sign-in, for events of an account that may not exist. */
  email?: string | null;
  ip?: string | null;
  requestId?: string | null;
  /** What else helps an investigation; never a password, token, code or secret. */
  detail?: Record<string, unknown> | null;
}

/**
 * The security event log: each event is a row of security_events and a structured log line
 * (`securityEvent: <type>`), so it reaches both the admins' screens and the log pipeline.
 */
@Injectable()
export class SecurityEvents {
  private readonly logger = new Logger('SecurityEvents');

  constructor(private readonly events: SecurityEventRepository) {}

  /**
   * Records an event. Given a manager, it is written in that transaction (rolled back with it);
   * without one it is written on its own, and a failure to write is logged, never thrown: a sign-in
   * must not fail because its log line could not be stored.
   */
  async record(event: SecurityEvent, manager?: EntityManager): Promise<void> {
    this.logger.log({ securityEvent: event.type, organisationId: event.organisationId, userId: event.userId, ip: event.ip, requestId: event.requestId, detail: event.detail });
    const write = this.events.insert(event, manager);
    if (manager) return void (await write);
    await write.catch((error: unknown) => this.logger.error({ err: loggableError(error), securityEvent: event.type }, 'security event not stored'));
  }

  /** How many events of a kind the user had in the last `windowSeconds` (e.g. wrong MFA codes), and when the oldest was. */
  recent(userId: string, type: SecurityEventType, windowSeconds: number, manager?: EntityManager): Promise<RecentEvents> {
    return this.events.recent(userId, type, windowSeconds, manager);
  }
}
