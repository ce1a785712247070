export function apiDatabase(): string {
  return 'api-database';
}
