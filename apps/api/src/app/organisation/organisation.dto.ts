import { ApiProperty } from '@nestjs/swagger';
import { IsBase64, IsBoolean, IsIn, IsString, Matches, MaxLength, registerDecorator } from 'class-validator';
import { CURRENCIES, isValidSiren, isValidSiret, LOGO_CONTENT_TYPES, LOGO_MAX_BYTES, SUPPORTED_LOCALES, VAT_NUMBER_PATTERN } from '@incubator/contracts';
import type {
  CreateOrganisationRequest,
  Currency,
  InviteOrganisationAdminRequest,
  Locale,
  LogoContentType,
  UpdateOrganisationSettingsRequest,
  UploadLogoRequest,
} from '@incubator/contracts';
import { Clearable, CountryField, EmailField, IntField, Optional, TextField } from '../common/dto';

function Checked(name: string, message: string, check: (value: string) => boolean): PropertyDecorator {
  return (target, key) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: key as string,
      options: { message },
      validator: { validate: (value: unknown) => typeof value === 'string' && check(value) },
    });
}

const IsSiren = () => Checked('isSiren', '$property must be a valid SIREN (9 digits with a correct check digit)', isValidSiren);
const IsSiret = () => Checked('isSiret', '$property must be a valid SIRET (14 digits with a correct check digit)', isValidSiret);

function VatNumberField(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ example: 'FR40303265045', description: 'French VAT number: FR, a 2-character key, the SIREN' })(target, key);
    IsString()(target, key);
    Matches(VAT_NUMBER_PATTERN, { message: '$property must be a French VAT number: FR, 2 characters, then the 9-digit SIREN' })(target, key);
  };
}

function TimeZoneField(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ example: 'Europe/Paris', maxLength: 64, description: 'IANA time zone' })(target, key);
    IsString()(target, key);
    Matches(/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/, { message: '$property must be an IANA time zone such as Europe/Paris' })(target, key);
  };
}

const LOCALES = SUPPORTED_LOCALES as readonly Locale[];

export class UpdateOrganisationSettingsDto implements UpdateOrganisationSettingsRequest {
  @TextField(200) name!: string;
  @Clearable() @TextField(200) legalName!: string | null;
  @Clearable() @IsSiren() siren!: string | null;
  @Clearable() @IsSiret() siret!: string | null;
  @Clearable() @VatNumberField() vatNumber!: string | null;
  @Clearable() @TextField(200) addressLine1!: string | null;
  @Clearable() @TextField(200) addressLine2!: string | null;
  @Clearable() @TextField(16) postcode!: string | null;
  @Clearable() @TextField(120) city!: string | null;
  @CountryField() country!: string;
  @TimeZoneField() timeZone!: string;
  @ApiProperty({ enum: LOCALES }) @IsIn(LOCALES) defaultLocale!: Locale;
  @ApiProperty({ enum: CURRENCIES }) @IsIn(CURRENCIES) currency!: Currency;
  @IntField(1, 12, { description: 'Month the fiscal year starts on (1 = January)' }) fiscalYearStartMonth!: number;
  @IntField(2, 100, { description: 'Board members see no figure fewer startups stand behind' }) boardSuppressionThreshold!: number;
  @ApiProperty() @IsBoolean() boardSeesRounds!: boolean;
}

export class UploadLogoDto implements UploadLogoRequest {
  @ApiProperty({ enum: LOGO_CONTENT_TYPES }) @IsIn(LOGO_CONTENT_TYPES) contentType!: LogoContentType;

  @ApiProperty({ description: `The image, base64-encoded (at most ${LOGO_MAX_BYTES} bytes once decoded)` })
  @IsString()
  @MaxLength(Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 4096)
  @IsBase64(undefined, { message: '$property must be base64-encoded' })
  data!: string;
}

export class CreateOrganisationDto implements CreateOrganisationRequest {
  @TextField(200) name!: string;

  @ApiProperty({ example: 'euratechnologies', maxLength: 64 })
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: '$property must be lower-case letters and digits separated by single hyphens' })
  slug!: string;

  @TextField(200) legalName!: string;
  @ApiProperty({ example: '732829320' }) @IsSiren() siren!: string;
  @Clearable() @IsSiret() siret?: string | null;
  @Clearable() @VatNumberField() vatNumber?: string | null;
  @Clearable() @TextField(200) addressLine1?: string | null;
  @Clearable() @TextField(16) postcode?: string | null;
  @Clearable() @TextField(120) city?: string | null;
  @Optional() @CountryField() country?: string;
  @TimeZoneField() timeZone!: string;
  @ApiProperty({ enum: LOCALES }) @IsIn(LOCALES) defaultLocale!: Locale;
  @ApiProperty({ enum: CURRENCIES }) @IsIn(CURRENCIES) currency!: Currency;
  @EmailField() adminEmail!: string;
}

export class InviteOrganisationAdminDto implements InviteOrganisationAdminRequest {
  @EmailField() email!: string;
  @Optional() @ApiProperty({ enum: LOCALES, required: false }) @IsIn(LOCALES) locale?: Locale;
}
