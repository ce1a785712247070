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

export function isBilingual(value: unknown): value is Bilingual {
  return typeof value === 'object' && value !== null && typeof (value as Bilingual).fr === 'string' && typeof (value as Bilingual).en === 'string';
}
