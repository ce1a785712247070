import type { HeartbeatSource } from './queues';

/** One heartbeat written by the worker: proof that API → Redis → worker → PostgreSQL works. */
export interface HeartbeatResponse {
  id: string;
  jobId: string;
  source: HeartbeatSource;
  /** ISO 8601 instants, UTC. */
  requestedAt: string;
  processedAt: string;
  /** Host name and process id of the worker that processed the job. */
  processedBy: string;
}

export interface HeartbeatRequestedResponse {
  jobId: string;
}

export interface PageResponse<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
