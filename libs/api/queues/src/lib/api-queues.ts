export function apiQueues(): string {
  return 'api-queues';
}
