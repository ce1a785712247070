import { KPI_UNIT_DECIMALS } from '@incubator/contracts';
import type { Bilingual, KpiUnit } from '@incubator/contracts';

/** What value checking needs to know of a KPI definition. */
export interface KpiRule {
  id: string;
  key: string;
  unit: KpiUnit;
  required: boolean;
  /** Inclusive bounds as decimal strings, or null. */
  minValue: string | null;
  maxValue: string | null;
}

const DECIMAL = /^-?\d{1,16}(\.\d+)?$/;

/**
 * Checks reported values against the KPI definitions that apply: known keys, decimals for the unit,
 * sanity bounds, and (when submitting) every required KPI present. Returns the values normalised to
 * decimal strings, by definition id, and the problems by key (empty when all is well).
 */
export function checkKpiValues(
  rules: KpiRule[],
  values: Record<string, string | number>,
  options: { requireAll: boolean },
): { values: Map<string, string>; problems: Record<string, Bilingual> } {
  const byKey = new Map(rules.map((rule) => [rule.key, rule]));
  const normalised = new Map<string, string>();
  const problems: Record<string, Bilingual> = {};
  for (const [key, raw] of Object.entries(values)) {
    const rule = byKey.get(key);
    if (!rule) {
      problems[key] = { fr: 'indicateur inconnu pour cette période', en: 'unknown KPI for this period' };
      continue;
    }
    const text = typeof raw === 'number' ? (Number.isFinite(raw) ? String(raw) : '') : typeof raw === 'string' ? raw.trim() : '';
    const decimals = KPI_UNIT_DECIMALS[rule.unit];
    if (!DECIMAL.test(text) || (text.split('.')[1] ?? '').length > decimals) {
      problems[key] = { fr: `nombre attendu, au plus ${decimals} décimales`, en: `must be a number with at most ${decimals} decimals` };
      continue;
    }
    if (rule.minValue !== null && compareDecimals(text, rule.minValue) < 0) {
      problems[key] = { fr: `doit être au moins ${trimZeros(rule.minValue)}`, en: `must be at least ${trimZeros(rule.minValue)}` };
      continue;
    }
    if (rule.maxValue !== null && compareDecimals(text, rule.maxValue) > 0) {
      problems[key] = { fr: `doit être au plus ${trimZeros(rule.maxValue)}`, en: `must be at most ${trimZeros(rule.maxValue)}` };
      continue;
    }
    normalised.set(rule.id, text);
  }
  if (options.requireAll) {
    for (const rule of rules) {
      if (rule.required && !(rule.key in values) && !problems[rule.key]) problems[rule.key] = { fr: 'valeur requise pour soumettre', en: 'required to submit' };
    }
  }
  return { values: normalised, problems };
}

/** Compares two decimal strings exactly (no float): -1, 0 or 1. */
export function compareDecimals(a: string, b: string): number {
  const scale = Math.max(fractionLength(a), fractionLength(b));
  const diff = toScaled(a, scale) - toScaled(b, scale);
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

function fractionLength(text: string): number {
  return (text.split('.')[1] ?? '').length;
}

function toScaled(text: string, scale: number): bigint {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace(/^[-+]/, '').split('.');
  const value = BigInt(whole + fraction.padEnd(scale, '0'));
  return negative ? -value : value;
}

/** "5000.0000" → "5000", "0.5000" → "0.5" (numeric columns come back padded). */
export function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}
