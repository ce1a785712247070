import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { SUPPORTED_LOCALES } from '@incubator/contracts';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsISO31661Alpha2, IsString, IsUUID, Matches, MaxLength, registerDecorator } from 'class-validator';
import { IntField, OFFSET_MAX } from './validators/numbers';
import { Optional } from './validators/presence';

/**
 * Validation building blocks shared by the request DTOs and queries. The generic ones (dates, ranges,
 * presence, numbers, cron) live in ./validators and are re-exported here, so a DTO imports from one place.
 */
export * from './validators/cron';
export * from './validators/dates';
export * from './validators/numbers';
export * from './validators/presence';
export * from './validators/ranges';
export * from './validators/unique';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** An email address, trimmed and lower-cased before validation. */
export function EmailField(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ format: 'email', maxLength: 254, example: 'founder@startup.test' })(target, key);
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))(target, key);
    IsEmail({}, { message: '$property must be an email address' })(target, key);
    WellFormed()(target, key);
    MaxLength(254)(target, key);
  };
}

/** A single-use token from an emailed link (43 URL-safe characters). */
export function TokenField(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ description: 'Token from the emailed link', minLength: 43, maxLength: 43 })(target, key);
    IsString()(target, key);
    Matches(/^[A-Za-z0-9_-]{43}$/, { message: '$property is not a valid link token' })(target, key);
  };
}

/**
 * True unless the text holds a lone UTF-16 surrogate ("x\ud800"): PostgreSQL refuses to store one (a
 * 500). With the `u` flag a proper pair is one code point, so the class only matches unpaired halves.
 */
export function isWellFormedText(value: unknown): boolean {
  return typeof value === 'string' && !/[\uD800-\uDFFF]/u.test(value);
}

function WellFormed(): PropertyDecorator {
  return (target, key) =>
    registerDecorator({
      name: 'isWellFormedText',
      target: target.constructor,
      propertyName: key as string,
      options: { message: '$property must be well-formed Unicode text' },
      validator: { validate: isWellFormedText },
    });
}

/** Free text typed by a person: trimmed, bounded, no control characters, well-formed Unicode. */
export function TextField(maxLength: number): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ maxLength })(target, key);
    Transform(trim)(target, key);
    IsString()(target, key);
    Matches(/^[^\p{Cc}]+$/u, { message: '$property must not be empty or contain control characters' })(target, key);
    WellFormed()(target, key);
    MaxLength(maxLength)(target, key);
  };
}

/** A search text: may be empty, but no control characters (a NUL broke the SQL query: a 500). */
export function SearchTextField(maxLength = 100): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ maxLength, description: 'Case-insensitive text search' })(target, key);
    Transform(trim)(target, key);
    IsString()(target, key);
    Matches(/^[^\p{Cc}]*$/u, { message: '$property must not contain control characters' })(target, key);
    WellFormed()(target, key);
    MaxLength(maxLength)(target, key);
  };
}

/** An ISO 3166-1 alpha-2 country code (FR, DE…), upper-cased first; ZZ and other unassigned codes are refused. */
export function CountryField(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ example: 'FR', minLength: 2, maxLength: 2, description: 'ISO 3166-1 alpha-2 country of registration' })(target, key);
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))(target, key);
    IsISO31661Alpha2({ message: '$property must be an ISO 3166-1 alpha-2 country code such as FR' })(target, key);
  };
}

export class PageQueryDto {
  @Optional()
  @IntField(1, 100, { default: 20, coerce: true })
  limit = 20;

  @Optional()
  @IntField(0, OFFSET_MAX, { default: 0, coerce: true, description: `Rows to skip, at most ${OFFSET_MAX.toLocaleString('en')}` })
  offset = 0;
}

export class SearchPageQueryDto extends PageQueryDto {
  @Optional()
  @SearchTextField()
  q?: string;
}

export class UserIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '$property must be a UUID' })
  userId!: string;
}

export class IdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '$property must be a UUID' })
  id!: string;
}

/** `locale=fr|en` on an export: the file's language and CSV dialect, over Accept-Language. */
export function ExportLocaleField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ required: false, enum: SUPPORTED_LOCALES, description: 'Language and CSV dialect of the file (fr: BOM, `;`, decimal comma); defaults to Accept-Language' }),
    Optional(),
    IsIn(SUPPORTED_LOCALES),
  );
}

export class ExportQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] })
  @IsIn(['csv', 'xlsx'])
  format!: 'csv' | 'xlsx';
}
