/** Funding rounds and the investor directory. Money travels as decimal strings and is stored in integer minor units. */

export const ROUND_KINDS = [
  'pre_seed',
  'seed',
  'series_a',
  'series_b',
  'series_c_plus',
  'bridge',
  'grant',
  'public_loan',
  'bank_loan',
  'crowdfunding',
] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

export const ROUND_STATUSES = ['planned', 'announced', 'closed', 'cancelled'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const INVESTOR_KINDS = ['fund', 'business_angel', 'public_bank', 'corporate'] as const;
export type InvestorKind = (typeof INVESTOR_KINDS)[number];

/**
 * Currencies a round may be raised in, with their ISO 4217 minor units (JPY has none). Amounts are
 * stored as integers of that minor unit; the EUR value is stored in cents.
 */
export const CURRENCY_MINOR_UNITS = {
  EUR: 2,
  USD: 2,
  GBP: 2,
  CHF: 2,
  CAD: 2,
  AUD: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  CNY: 2,
  SGD: 2,
  ILS: 2,
  JPY: 0,
  KRW: 0,
} as const;
export type Currency = keyof typeof CURRENCY_MINOR_UNITS;
export const CURRENCIES = Object.keys(CURRENCY_MINOR_UNITS) as Currency[];

export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CURRENCY_MINOR_UNITS, value);
}

/**
 * A positive decimal amount with at most `minorUnits` decimals, e.g. "1500000" or "1500000.50".
 * Returns the amount in minor units as a bigint, or null when the text is not such an amount.
 */
export function parseMinorUnits(text: string, minorUnits: number): bigint | null {
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > minorUnits) return null;
  return BigInt(match[1]) * 10n ** BigInt(minorUnits) + BigInt(fraction.padEnd(minorUnits, '0') || '0');
}

/** Minor units back to a decimal string with exactly `minorUnits` decimals: 150000050n, 2 → "1500000.50". */
export function formatMinorUnits(minor: bigint | string | number, minorUnits: number): string {
  const value = BigInt(minor);
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  if (minorUnits === 0) return `${sign}${abs}`;
  const scale = 10n ** BigInt(minorUnits);
  return `${sign}${abs / scale}.${String(abs % scale).padStart(minorUnits, '0')}`;
}

/** An exchange rate: EUR per unit of a currency, positive, at most 8 decimals ("0.92", "1.1734"). */
export const EUR_RATE_PATTERN = /^\d{1,10}(\.\d{1,8})?$/;

/**
 * The EUR value in cents of an amount in minor units at a rate, rounded half up, computed with
 * integers only: cents = minor × rate × 10^(2 − minorUnits).
 */
export function eurCents(amountMinor: bigint, minorUnits: number, eurRate: string): bigint {
  if (!EUR_RATE_PATTERN.test(eurRate)) throw new Error(`Not a rate: ${eurRate}`);
  const [whole, fraction = ''] = eurRate.split('.');
  const rateScaled = BigInt(whole + fraction.padEnd(8, '0')); // rate × 10^8
  // cents × 10^8 × 10^minorUnits = minor × rateScaled × 100
  const numerator = amountMinor * rateScaled * 100n;
  const denominator = 10n ** BigInt(8 + minorUnits);
  return (numerator * 2n + denominator) / (denominator * 2n);
}

export interface InvestorResponse {
  id: string;
  name: string;
  kind: InvestorKind;
  website: string | null;
  /** Rounds of this organisation's startups the investor took part in. */
  roundCount: number;
}

export interface CreateInvestorRequest {
  name: string;
  kind: InvestorKind;
  website?: string;
}

export interface FundingRoundResponse {
  id: string;
  startupId: string;
  startupName: string;
  kind: RoundKind;
  status: RoundStatus;
  currency: Currency;
  /** Decimal string in the round's currency, e.g. "1500000.00". */
  amount: string;
  /** EUR per one unit of the round's currency at the closing (or announcement) date; "1" for EUR. */
  eurRate: string;
  /** amount × eurRate, rounded half up to the cent, decimal string in euros. */
  amountEur: string;
  /** Same, in integer cents (exact). */
  amountEurCents: number;
  announcedOn: string | null;
  closedOn: string | null;
  investors: Array<{ id: string; name: string; kind: InvestorKind }>;
  leadInvestorId: string | null;
  /**
   * Pre-money valuation in the round's currency. Confidential: null for board members (and
   * `valuationHidden` is then true when a valuation exists).
   */
  preMoneyValuation: string | null;
  valuationHidden: boolean;
  updatedAt: string;
}

export interface CreateFundingRoundRequest {
  kind: RoundKind;
  status: RoundStatus;
  currency: Currency;
  amount: string;
  /** Required unless the currency is EUR (then it is 1). */
  eurRate?: string;
  announcedOn?: string;
  /** Required when the status is closed; not in the future. */
  closedOn?: string;
  investorIds?: string[];
  /** Must be one of investorIds (it is added to them when missing). */
  leadInvestorId?: string;
  preMoneyValuation?: string;
}

export type UpdateFundingRoundRequest = Partial<CreateFundingRoundRequest>;

export interface FundingRoundListQuery {
  startupId?: string;
  status?: RoundStatus;
  kind?: RoundKind;
  /** Closing date from (inclusive), YYYY-MM-DD. */
  closedFrom?: string;
  /** Closing date to (exclusive), YYYY-MM-DD. */
  closedTo?: string;
  limit?: number;
  offset?: number;
}
