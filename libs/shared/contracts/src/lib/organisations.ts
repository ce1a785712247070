import type { Currency } from './funding';
import type { Locale } from './locale';

/** Calendar months a fiscal year may start on (1 = January). */
export const FISCAL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
/** Logo formats and size limit. */
export const LOGO_CONTENT_TYPES = ['image/png', 'image/jpeg'] as const;
export type LogoContentType = (typeof LOGO_CONTENT_TYPES)[number];
export const LOGO_MAX_BYTES = 512 * 1024;

/** SIRET: 14 digits, the SIREN then a 5-digit NIC, with a valid Luhn check digit (La Poste's establishments excepted). */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith('356000000')) return true;
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let digit = Number(value[13 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** A French intra-community VAT number: FR, a 2-character key (digits or letters), the 9-digit SIREN. */
export const VAT_NUMBER_PATTERN = /^FR[0-9A-Z]{2}\d{9}$/;

/** The legal identity and settings an organisation's admins edit (everything but the slug). */
export interface OrganisationSettings {
  id: string;
  slug: string;
  name: string;
  legalName: string | null;
  siren: string | null;
  siret: string | null;
  vatNumber: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  postcode: string | null;
  city: string | null;
  country: string;
  timeZone: string;
  defaultLocale: Locale;
  currency: Currency;
  fiscalYearStartMonth: number;
  boardSuppressionThreshold: number;
  boardSeesRounds: boolean;
  hasLogo: boolean;
  suspendedAt: string | null;
}

/** PUT /organisation/settings: the whole profile (nullable fields cleared with null). */
export interface UpdateOrganisationSettingsRequest {
  name: string;
  legalName: string | null;
  siren: string | null;
  siret: string | null;
  vatNumber: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  postcode: string | null;
  city: string | null;
  country: string;
  timeZone: string;
  defaultLocale: Locale;
  currency: Currency;
  fiscalYearStartMonth: number;
  boardSuppressionThreshold: number;
  boardSeesRounds: boolean;
}

/** PUT /organisation/logo: the image, base64-encoded. */
export interface UploadLogoRequest {
  contentType: LogoContentType;
  data: string;
}

/** One organisation as the platform operator lists it. */
export interface OperatorOrganisation {
  id: string;
  slug: string;
  name: string;
  legalName: string | null;
  siren: string | null;
  members: number;
  admins: number;
  pendingInvitations: number;
  createdAt: string;
  suspendedAt: string | null;
}

/** POST /operator/organisations: a new organisation and the e-mail its first admin is invited at. */
export interface CreateOrganisationRequest {
  name: string;
  slug: string;
  legalName: string;
  siren: string;
  siret?: string | null;
  vatNumber?: string | null;
  addressLine1?: string | null;
  postcode?: string | null;
  city?: string | null;
  country?: string;
  timeZone: string;
  defaultLocale: Locale;
  currency: Currency;
  adminEmail: string;
}

/** POST /operator/organisations/:id/invitations: (re)invite an admin. */
export interface InviteOrganisationAdminRequest {
  email: string;
  locale?: Locale;
}
