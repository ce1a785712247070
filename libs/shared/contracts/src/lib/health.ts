/** A dependency the API needs to serve requests. */
export type HealthDependency = 'database' | 'redis';

export interface HealthIndicatorState {
  status: 'up' | 'down';
  message?: string;
}

/**
 * Body of `GET /api/health` (the shape @nestjs/terminus produces):
 * 200 with status `ok` when every dependency is up, 503 with status `error` otherwise.
 */
export interface HealthResponse {
  status: 'ok' | 'error' | 'shutting_down';
  info?: Partial<Record<HealthDependency, HealthIndicatorState>>;
  error?: Partial<Record<HealthDependency, HealthIndicatorState>>;
  details: Partial<Record<HealthDependency, HealthIndicatorState>>;
}
