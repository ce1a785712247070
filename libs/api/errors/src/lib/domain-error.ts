import type { Bilingual, Locale } from '@incubator/contracts';

/** The statuses a service error may answer with; a 5xx is never a domain error. */
export type DomainErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 423 | 429;

/**
 * One entry of the error catalogue: its status, its message and, where the error is about request
 * fields, a text per field. Texts may name details as `{name}` placeholders, filled from the details
 * the service passes (`StartupErrors.sirenTaken({ legalName })`).
 */
export interface ErrorEntry {
  status: DomainErrorStatus;
  message: Bilingual;
  fields?: Record<string, Bilingual>;
}

/** What a service knows about the error: values for the placeholders, and data the client may use (an id to link to). */
export type ErrorDetails = Record<string, string | number | boolean | null>;

const REASONS: Record<DomainErrorStatus, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  423: 'Locked',
  429: 'Too Many Requests',
};

/** The body a domain error answers with (ApiErrorResponse plus its code and details). */
export interface DomainErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  fields?: Record<string, string[]>;
  details?: ErrorDetails;
}

/**
 * An error a service throws: a catalogue code (`startup.siren_taken`) and its details. The API's
 * exception filter renders it in the caller's language; nothing about HTTP is decided in the service.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly entry: ErrorEntry,
    readonly details: ErrorDetails = {},
  ) {
    super(`${code}: ${fill(entry.message.en, details)}`);
    this.name = 'DomainError';
  }

  get status(): DomainErrorStatus {
    return this.entry.status;
  }

  render(locale: Locale): DomainErrorBody {
    const { status, message, fields } = this.entry;
    return {
      statusCode: status,
      error: REASONS[status],
      code: this.code,
      message: fill(message[locale], this.details),
      ...(fields && { fields: Object.fromEntries(Object.entries(fields).map(([field, text]) => [field, [fill(text[locale], this.details)]])) }),
      ...(Object.keys(this.details).length > 0 && { details: this.details }),
    };
  }
}

/** The placeholders `{name}` a text uses, sorted (the catalogue test compares FR and EN). */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

function fill(text: string, details: ErrorDetails): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (details[name] === undefined || details[name] === null ? whole : String(details[name])));
}
