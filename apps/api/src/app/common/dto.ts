import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, registerDecorator } from 'class-validator';

/** Validation building blocks shared by the request DTOs. */

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** An email address, trimmed and lower-cased before validation. */
export function EmailField(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ format: 'email', maxLength: 254, example: 'founder@startup.test' })(target, key);
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))(target, key);
    IsEmail({}, { message: '$property must be an email address' })(target, key);
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

/** Free text typed by a person: trimmed, bounded, no control characters. */
export function TextField(maxLength: number): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ maxLength })(target, key);
    Transform(trim)(target, key);
    IsString()(target, key);
    Matches(/^[^\p{Cc}]+$/u, { message: '$property must not be empty or contain control characters' })(target, key);
    MaxLength(maxLength)(target, key);
  };
}

export class PageQueryDto {
  @ApiProperty({ required: false, minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;

  @ApiProperty({ required: false, minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}

export class SearchPageQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, maxLength: 100, description: 'Case-insensitive text search' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
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

/** True for a calendar date YYYY-MM-DD that exists (2026-02-30 does not). */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar date, YYYY-MM-DD, that exists. */
export function DateField(description?: string): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ format: 'date', example: '2026-03-01', description })(target, key);
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: key as string,
      options: { message: '$property must be a date (YYYY-MM-DD)' },
      validator: { validate: isCalendarDate },
    });
  };
}

export class ExportQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] })
  @IsIn(['csv', 'xlsx'])
  format!: 'csv' | 'xlsx';
}
