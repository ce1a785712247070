/** Startup import (CSV/XLSX) and the contacts on a startup's profile. */

/** At most this many data lines per import file (the body itself is limited to 2 MB). */
export const STARTUP_IMPORT_MAX_LINES = 5_000;

/** The import's columns, as the file may name them in French or English (case and accents ignored). */
export const STARTUP_IMPORT_COLUMNS = ['legalName', 'siren', 'sector', 'stage', 'foundedOn', 'teamSize', 'contactName', 'contactEmail', 'contactPhone', 'contactRole'] as const;
export type StartupImportColumn = (typeof STARTUP_IMPORT_COLUMNS)[number];

export interface StartupImportLineError {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  /** The column the problem is in (an import column name), when it is one. */
  field: StartupImportColumn | null;
  /** In the caller's language. */
  message: string;
}

export interface StartupImportResult {
  dryRun: boolean;
  /** Data lines read (header excluded). */
  lines: number;
  /** Startups written (0 on a dry run or when any line is bad). */
  imported: number;
  /** Contacts written with them. */
  contacts: number;
  /** Invitations sent (when asked for with invite=true). */
  invited: number;
  /** Contacts that could not be invited (already a member, invitation pending…), in the caller's language. */
  inviteFailures: Array<{ email: string; message: string }>;
  errors: StartupImportLineError[];
}

/** A phone number in international form: +, country code, up to 15 digits (spaces, dots, dashes and brackets are dropped). */
export const PHONE_PATTERN = /^\+[1-9]\d{6,14}$/;

/** The phone as stored (`+33612345678`) or null when it cannot be read as an international number; a leading 0 is read as French. */
export function normalisePhone(text: string): string | null {
  let phone = text.replace(/[\s.\-()]/g, '');
  if (phone.startsWith('00')) phone = `+${phone.slice(2)}`;
  else if (/^0[1-9]\d{8}$/.test(phone)) phone = `+33${phone.slice(1)}`;
  return PHONE_PATTERN.test(phone) ? phone : null;
}

export interface StartupContactResponse {
  id: string;
  startupId: string;
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface StartupContactRequest {
  name: string;
  role?: string | null;
  email?: string | null;
  phone?: string | null;
}

export type UpdateStartupContactRequest = Partial<StartupContactRequest>;
