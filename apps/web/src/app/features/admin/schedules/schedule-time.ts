/** When a schedule fires next, in the user's language and in the schedule's own time zone: "Monday 5 October 2026 at 07:00 (Europe/Paris)". */
export function formatNextRun(iso: string, locale: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  try {
    const text = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(date);
    return `${text} (${timeZone})`;
  } catch {
    // A time zone the browser does not know: the user's own, named as such by the format.
    return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZoneName: 'short' }).format(date);
  }
}
