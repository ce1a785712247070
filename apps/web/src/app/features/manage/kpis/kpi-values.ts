import { KpiDefinitionResponse, Locale } from '@incubator/contracts';

/** A report's values as "Headcount 12 · Revenue 15 000 €", in the definitions' order, then any others. */
export function describeValues(
  values: Record<string, string>,
  definitions: readonly KpiDefinitionResponse[],
  locale: Locale,
): string {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const known = new Set(definitions.map((d) => d.key));
  const parts = definitions
    .filter((d) => values[d.key] !== undefined)
    .map((d) => {
      const value = number.format(Number(values[d.key]));
      const unit = d.unit === 'eur' ? ' €' : d.unit === 'percent' ? ' %' : '';
      return `${locale === 'fr' ? d.labelFr : d.labelEn} ${value}${unit}`;
    });
  for (const [key, value] of Object.entries(values)) {
    if (!known.has(key)) {
      parts.push(`${key} ${number.format(Number(value))}`);
    }
  }
  return parts.join(' · ');
}
