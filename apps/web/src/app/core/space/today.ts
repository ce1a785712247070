/** Today as a calendar day (YYYY-MM-DD in UTC, the zone every day of the API is read in). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
