import type { ReportKind } from './reports';

/**
 * Queue and job names, declared once for the API (which enqueues) and the worker (which processes).
 * `JobPayloads` below says what each job carries and `JOB_QUEUE` on which queue it runs.
 */
export const QueueName = {
  System: 'system',
  Mail: 'mail',
  Space: 'space',
  Reports: 'reports',
  Kpis: 'kpis',
  Billing: 'billing',
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

export interface ExpireOffersPayload {
  /** The organisation whose `waitlist_expiry` schedule fired; left out, every organisation (the old global cron). */
  organisationId?: string;
}

export const ReportsJob = {
  /** Produce a report run's files and deliver them. Job id: report.<organisation>.<kind>.<period>.<generation>. */
  Run: 'run',
  /** A report schedule fired: work out the period just closed and request its run. */
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
  kind: ReportKind;
}

export interface SyncSchedulesPayload {
  organisationId: string;
}

export const KpisJob = {
  /** The daily KPI reminders of an organisation (its `kpi_reminders` schedule). */
  SendReminders: 'send-kpi-reminders',
} as const;
export type KpisJob = (typeof KpisJob)[keyof typeof KpisJob];

export interface KpiRemindersPayload {
  organisationId: string;
}

/** Every job, by name, and what it carries: a producer or a handler with another payload does not compile. */
export const BillingJob = {
  /** Drafts a billing run's invoices (job id `billing-draft:{runId}`: once per run). */
  DraftRun: 'billing-draft-run',
  /** Issues a run's drafts: numbers, documents, one e-mail each (job id `billing-issue:{runId}`). */
  IssueRun: 'billing-issue-run',
  /** Makes an issued invoice's Factur-X PDF and mails it once (job id `billing-send:{invoiceId}`). */
  SendInvoice: 'billing-send-invoice',
  /** Reminds customers of overdue invoices (an organisation's schedule). */
  SendOverdueReminders: 'billing-overdue-reminders',
} as const;
export type BillingJob = (typeof BillingJob)[keyof typeof BillingJob];

export interface BillingRunPayload {
  organisationId: string;
  runId: string;
}

export interface BillingInvoicePayload {
  organisationId: string;
  invoiceId: string;
}

export interface BillingRemindersPayload {
  organisationId: string;
}

export interface JobPayloads {
  [SystemJob.Heartbeat]: HeartbeatJobPayload;
  [MailJob.Send]: MailJobPayload;
  [SpaceJob.MatchWaitlist]: MatchWaitlistPayload;
  [SpaceJob.ExpireOffers]: ExpireOffersPayload;
  [ReportsJob.Run]: ReportRunPayload;
  [ReportsJob.Fire]: ScheduleFirePayload;
  [ReportsJob.SyncSchedules]: SyncSchedulesPayload;
  [KpisJob.SendReminders]: KpiRemindersPayload;
  [BillingJob.DraftRun]: BillingRunPayload;
  [BillingJob.IssueRun]: BillingRunPayload;
  [BillingJob.SendInvoice]: BillingInvoicePayload;
  [BillingJob.SendOverdueReminders]: BillingRemindersPayload;
}
export type JobName = keyof JobPayloads;

/** The queue each job runs on. One object literal: a job name declared twice does not compile. */
export const JOB_QUEUE = {
  [SystemJob.Heartbeat]: QueueName.System,
  [MailJob.Send]: QueueName.Mail,
  [SpaceJob.MatchWaitlist]: QueueName.Space,
  [SpaceJob.ExpireOffers]: QueueName.Space,
  [ReportsJob.Run]: QueueName.Reports,
  [ReportsJob.Fire]: QueueName.Reports,
  [ReportsJob.SyncSchedules]: QueueName.Reports,
  [KpisJob.SendReminders]: QueueName.Kpis,
  [BillingJob.DraftRun]: QueueName.Billing,
  [BillingJob.IssueRun]: QueueName.Billing,
  [BillingJob.SendInvoice]: QueueName.Billing,
  [BillingJob.SendOverdueReminders]: QueueName.Billing,
} as const satisfies Record<JobName, QueueName>;

/** The names of the jobs a queue runs. */
export type JobsOf<Q extends QueueName> = { [N in JobName]: (typeof JOB_QUEUE)[N] extends Q ? N : never }[JobName];

/** A job as a producer or a schedule describes it: its name and its payload, checked against each other. */
export type JobRequest<N extends JobName = JobName> = { [K in N]: { name: K; data: JobPayloads[K] } }[N];

/** Whether a name read off a queue (any string) is one of ours. */
export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(JOB_QUEUE, name);
}
