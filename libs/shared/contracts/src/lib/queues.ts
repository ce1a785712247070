/**
 * Queue and job names, declared once for the API (which enqueues) and the worker (which processes).
 */
export const QueueName = {
  System: 'system',
  Mail: 'mail',
  Space: 'space',
  Reports: 'reports',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const SystemJob = {
  Heartbeat: 'heartbeat',
} as const;
export type SystemJob = (typeof SystemJob)[keyof typeof SystemJob];

/** Who asked for a heartbeat: the worker's own schedule or someone through the API. */
export type HeartbeatSource = 'schedule' | 'api';

/** The job's own timestamp says when it was requested. */
export interface HeartbeatJobPayload {
  source: HeartbeatSource;
}

export const MailJob = {
  Send: 'send',
} as const;
export type MailJob = (typeof MailJob)[keyof typeof MailJob];

/** One email, already rendered in the recipient's language. */
export interface MailJobPayload {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Which email this is (e.g. `invitation`): what the worker logs instead of the body, whose links carry tokens. */
  template?: string;
}

export const SpaceJob = {
  /** Offer freed space to the best waiting requests of an organisation. */
  MatchWaitlist: 'match-waitlist',
  /** Lapse offers past their deadline and pass the space on. */
  ExpireOffers: 'expire-offers',
} as const;
export type SpaceJob = (typeof SpaceJob)[keyof typeof SpaceJob];

export interface MatchWaitlistPayload {
  organisationId: string;
}

export const ReportsJob = {
  /** Produce a report run's files and deliver them. Job id: report.<organisation>.<kind>.<period>.<generation>. */
  Run: 'run',
  /** A schedule fired: work out the period and request the run (or send the reminders). */
  Fire: 'fire',
  /** An admin changed a schedule: the worker re-registers the organisation's repeatable jobs. */
  SyncSchedules: 'sync-schedules',
} as const;
export type ReportsJob = (typeof ReportsJob)[keyof typeof ReportsJob];

export interface ReportRunPayload {
  runId: string;
}

export interface ScheduleFirePayload {
  organisationId: string;
  kind: 'board_pack' | 'occupancy' | 'kpi_reminders' | 'waitlist_expiry';
}

export interface SyncSchedulesPayload {
  organisationId: string;
}
