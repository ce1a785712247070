import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min, registerDecorator } from 'class-validator';
import { CURRENCY_MINOR_UNITS, eurCents, parseMinorUnits } from '@incubator/contracts';
import type { Currency } from '@incubator/contracts';

/** PostgreSQL's bigint, the type of every stored amount (minor units, EUR cents). */
export const BIGINT_MAX = 9_223_372_036_854_775_807n;
/** Paging: deeper than this is not browsing; a bigger offset also overflowed PostgreSQL's bigint (a 500). */
export const OFFSET_MAX = 100_000;
/** The largest office one request may ask for. */
export const AREA_MAX_M2 = 10_000;

/**
 * Text that spells a number becomes that number; anything else is left for the validators to refuse
 * with a field message. (class-transformer's `@Type(() => Number)` calls Number() on any value, which
 * throws — a 500 — on an object such as {"toString": {}}.)
 */
export const numberFromText = Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value));

/**
 * An integer within [min, max] (both inclusive), the bounds stated in OpenAPI. `coerce` converts text
 * first (query strings, and body fields that always accepted "5"); otherwise "5" or true are refused.
 */
export function IntField(min: number, max: number, options: { description?: string; example?: number; default?: number; coerce?: boolean } = {}): PropertyDecorator {
  const { coerce, ...property } = options;
  return (target, key) => {
    ApiProperty({ type: 'integer', minimum: min, maximum: max, ...property })(target, key);
    if (coerce) numberFromText(target, key);
    IsInt()(target, key);
    Min(min)(target, key);
    Max(max)(target, key);
  };
}

/** A positive number of m² up to AREA_MAX_M2 with at most 2 decimals (compared in hundredths, no float drift). */
export function isArea(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0.01 && value <= AREA_MAX_M2 && Math.round(value * 100) / 100 === value;
}

/**
 * A requested area in m²: positive, at most AREA_MAX_M2 and at most 2 decimals (24.00000001 is a
 * typing or float accident, not an area). It is then rounded up to whole 24 m² modules by the space
 * library (`roundUpToModules`), wherever it is stored or shown.
 */
export function AreaField(description: string): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ type: 'number', minimum: 0.01, maximum: AREA_MAX_M2, example: 50, description: `${description}; at most 2 decimals` })(target, key);
    numberFromText(target, key);
    registerDecorator({
      name: 'isArea',
      target: target.constructor,
      propertyName: key as string,
      options: { message: `$property must be a number of m² from 0.01 to ${AREA_MAX_M2} with at most 2 decimals` },
      validator: { validate: isArea },
    });
  };
}

/**
 * On a money amount: its EUR value (amount × eurRate, in cents) must fit the bigint column. Checked
 * when the body holds the amount, the currency and (unless EUR) the rate; other combinations are
 * checked by the service on the merged round.
 */
export function EurValueFits(): PropertyDecorator {
  return (target, key) =>
    registerDecorator({
      name: 'isEurValueInRange',
      target: target.constructor,
      propertyName: key as string,
      options: { message: '$property × eurRate is too large: its EUR value must stay below 92,233,720,368,547,758.07 €' },
      validator: {
        validate: (amount: unknown, args) => {
          const round = args?.object as { currency?: unknown; eurRate?: unknown };
          if (typeof amount !== 'string' || typeof round.currency !== 'string' || !(round.currency in CURRENCY_MINOR_UNITS)) return true;
          const rate = round.currency === 'EUR' ? '1' : round.eurRate;
          if (typeof rate !== 'string' || !/^\d{1,10}(\.\d{1,8})?$/.test(rate)) return true;
          const minorUnits = CURRENCY_MINOR_UNITS[round.currency as Currency];
          const minor = parseMinorUnits(amount, minorUnits);
          return minor === null || eurCents(minor, minorUnits, rate) <= BIGINT_MAX;
        },
      },
    });
}
