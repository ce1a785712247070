import { classifyDatabaseError } from '@incubator/api/sql';
import type { DatabaseRefusal } from '@incubator/api/sql';
import type { ApiErrorResponse, Locale } from '@incubator/contracts';

/**
 * A PostgreSQL refusal that reached the exception filter, answered as the request's fault (4xx) in the
 * caller's language. The services' own checks and validators come first and say it better; this is the
 * net under them, so that a value no validator foresaw gives a 400, not a 500. The transaction that
 * met the error has already rolled back: only the answer changes.
 */
export function databaseErrorBody(error: unknown, locale: Locale, request: { body?: unknown; query?: unknown }): ApiErrorResponse | undefined {
  const refusal = classifyDatabaseError(error);
  if (!refusal) return undefined;
  const fr = locale === 'fr';
  const field = fieldOf(refusal, request);
  const { error: title, message } = TEXTS[refusal.kind];
  const body: ApiErrorResponse = { statusCode: refusal.status, error: title, message: fr ? message.fr : message.en };
  if (field) body.fields = { [field]: [fr ? `le champ ${field} ${FIELD_TEXTS[refusal.kind].fr}` : `${field} ${FIELD_TEXTS[refusal.kind].en}`] };
  return body;
}

type Kind = DatabaseRefusal['kind'];
type Bilingual = { fr: string; en: string };

const invalid = { fr: 'La requête contient une valeur que la base de données ne peut pas enregistrer.', en: 'The request holds a value the database cannot store.' };
const TEXTS: Record<Kind, { error: string; message: Bilingual }> = {
  'too-long': { error: 'Bad Request', message: invalid },
  'out-of-range': { error: 'Bad Request', message: invalid },
  'bad-datetime': { error: 'Bad Request', message: invalid },
  malformed: { error: 'Bad Request', message: invalid },
  'unstorable-text': { error: 'Bad Request', message: invalid },
  'invalid-value': { error: 'Bad Request', message: invalid },
  'not-null': { error: 'Bad Request', message: { fr: 'Une valeur obligatoire manque.', en: 'A required value is missing.' } },
  'missing-reference': { error: 'Not Found', message: { fr: "Un élément référencé par la requête n'existe pas.", en: 'An item the request refers to does not exist.' } },
  unique: { error: 'Conflict', message: { fr: 'Un élément identique existe déjà.', en: 'An identical item already exists.' } },
  exclusion: { error: 'Conflict', message: { fr: 'La requête entre en conflit avec un élément existant.', en: 'The request conflicts with an existing item.' } },
  'still-referenced': { error: 'Conflict', message: { fr: "Cet élément est encore utilisé ailleurs.", en: 'This item is still in use elsewhere.' } },
  integrity: { error: 'Conflict', message: { fr: 'La requête enfreint une règle des données.', en: 'The request breaks a rule of the data.' } },
  check: { error: 'Unprocessable Entity', message: { fr: 'Les valeurs de la requête enfreignent une règle des données.', en: 'The values of the request break a rule of the data.' } },
};

const FIELD_TEXTS: Record<Kind, Bilingual> = {
  'too-long': { fr: 'est trop long', en: 'is too long' },
  'out-of-range': { fr: 'est hors des limites autorisées', en: 'is out of the allowed range' },
  'bad-datetime': { fr: "n'est pas une date ou une heure valable", en: 'is not a valid date or time' },
  malformed: { fr: "n'a pas le format attendu", en: 'does not have the expected format' },
  'unstorable-text': { fr: 'contient des caractères impossibles à enregistrer', en: 'holds characters that cannot be stored' },
  'invalid-value': { fr: "a une valeur non valable", en: 'has an invalid value' },
  'not-null': { fr: 'est obligatoire', en: 'is required' },
  'missing-reference': { fr: "désigne un élément qui n'existe pas", en: 'refers to an item that does not exist' },
  unique: { fr: 'est déjà utilisé', en: 'is already used' },
  exclusion: { fr: 'entre en conflit avec un élément existant', en: 'conflicts with an existing item' },
  'still-referenced': { fr: 'est encore utilisé', en: 'is still in use' },
  integrity: { fr: 'enfreint une règle des données', en: 'breaks a rule of the data' },
  check: { fr: 'enfreint une règle des données', en: 'breaks a rule of the data' },
};

/** snake_case column (the naming strategy) → the camelCase field of the DTOs. */
const camel = (column: string): string => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * The request field a refusal is about: the column PostgreSQL names, or else the body or query field
 * holding the value PostgreSQL quotes (`date/time field value out of range: "0000-01-01"`). Unknown
 * when neither says: a message without a field is better than a wrong one.
 */
function fieldOf(refusal: DatabaseRefusal, request: { body?: unknown; query?: unknown }): string | undefined {
  if ('column' in refusal && refusal.column) return camel(refusal.column);
  if (!('value' in refusal) || refusal.value === undefined) return undefined;
  return pathHolding(request.body, refusal.value) ?? pathHolding(request.query, refusal.value);
}

/** The dotted path of the first string (or number) in `value` equal to `wanted`, searched iteratively. */
export function pathHolding(value: unknown, wanted: string): string | undefined {
  const wantedNumber = Number(wanted);
  const matches = (candidate: unknown): boolean =>
    candidate === wanted ||
    (typeof candidate === 'number' && String(candidate) === wanted) ||
    ((typeof candidate === 'string' || typeof candidate === 'number') && wanted.trim() !== '' && Number.isFinite(wantedNumber) && Number(candidate) === wantedNumber);
  const stack: Array<[unknown, string]> = [[value, '']];
  let visited = 0;
  while (stack.length > 0 && visited++ < 10_000) {
    const [current, path] = stack.pop() as [unknown, string];
    if (path && matches(current)) return path;
    if (typeof current === 'object' && current !== null) {
      const entries = Object.entries(current).reverse();
      for (const [key, child] of entries) stack.push([child, path ? `${path}.${key}` : key]);
    }
  }
  return undefined;
}
