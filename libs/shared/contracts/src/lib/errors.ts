/** Body of every 4xx/5xx answer of the API. */
export interface ApiErrorResponse {
  statusCode: number;
  error: string;
  message: string;
  /** Field-level messages for validation errors: field path → messages. */
  fields?: Record<string, string[]>;
  /** A service error's catalogue code (`startup.siren_taken`), stable across languages. */
  code?: string;
  /** Data a service error names (the startup that already has this SIREN), for the client to link to. */
  details?: Record<string, string | number | boolean | null>;
  requestId?: string;
}

/** A message in both languages; the API answers in the caller's (Accept-Language). */
export interface Bilingual {
  fr: string;
  en: string;
}

/**
 * The body of a 4xx thrown by a service with bilingual messages: the API's exception filter keeps
 * the caller's language. `fields` maps a request field to what is wrong with it.
 */
export function bilingualError(message: Bilingual, fields: Record<string, Bilingual> = {}): { message: Bilingual; fields: Record<string, Bilingual[]> } {
  return { message, fields: Object.fromEntries(Object.entries(fields).map(([field, text]) => [field, [text]])) };
}

export function isBilingual(value: unknown): value is Bilingual {
  return typeof value === 'object' && value !== null && typeof (value as Bilingual).fr === 'string' && typeof (value as Bilingual).en === 'string';
}
