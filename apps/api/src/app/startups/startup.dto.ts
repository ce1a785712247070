import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsUrl, IsUUID, MaxLength, registerDecorator, ValidateIf } from 'class-validator';
import { ENROLLMENT_STATUSES, isValidSiren, SECTORS, STAGES, STARTUP_SORTS } from '@incubator/contracts';
import type { CreateStartupRequest, EnrollmentStatus, Locale, Sector, Stage, StartupListQuery, StartupSort, UpdateStartupRequest } from '@incubator/contracts';
import { CountryField, ExportLocaleField, ExportQueryDto, IntField, Optional, PastDateField, SearchPageQueryDto, TextField } from '../common/dto';

/** 9 digits with a valid check digit (the same rule the client checks as the user types). */
function IsSiren(): PropertyDecorator {
  return (target, key) =>
    registerDecorator({
      name: 'isSiren',
      target: target.constructor,
      propertyName: key as string,
      options: { message: '$property must be a valid SIREN (9 digits with a correct check digit)' },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidSiren(value) },
    });
}

const uuid = { message: '$property must be a UUID' };

export class StartupQueryDto extends SearchPageQueryDto implements StartupListQuery {
  @ApiProperty({ required: false, format: 'uuid' }) @Optional() @IsUUID('all', uuid) siteId?: string;
  @ApiProperty({ required: false, format: 'uuid' }) @Optional() @IsUUID('all', uuid) programId?: string;
  @ApiProperty({ required: false, format: 'uuid' }) @Optional() @IsUUID('all', uuid) cohortId?: string;
  @ApiProperty({ required: false, enum: ENROLLMENT_STATUSES }) @Optional() @IsIn(ENROLLMENT_STATUSES) status?: EnrollmentStatus;
  @ApiProperty({ required: false, enum: SECTORS }) @Optional() @IsIn(SECTORS) sector?: Sector;
  @ApiProperty({ required: false, enum: STAGES }) @Optional() @IsIn(STAGES) stage?: Stage;
  @ApiProperty({ required: false, enum: STARTUP_SORTS, default: 'name' }) @Optional() @IsIn(STARTUP_SORTS) sort?: StartupSort;
}

export class StartupExportQueryDto extends StartupQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] })
  @IsIn(['csv', 'xlsx'])
  format!: ExportQueryDto['format'];
  @ExportLocaleField() locale?: Locale;
}

export class CreateStartupDto implements CreateStartupRequest {
  @TextField(200)
  legalName!: string;

  @CountryField()
  country!: string;

  @ApiProperty({ required: false, example: '732829320', description: 'Required for French startups' })
  @ValidateIf((startup: CreateStartupDto) => startup.country === 'FR' || startup.siren !== undefined)
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s/g, '') : value))
  @IsSiren()
  siren?: string;

  @ApiProperty({ enum: SECTORS }) @IsIn(SECTORS) sector!: Sector;

  @Optional()
  @PastDateField('Date of incorporation')
  foundedOn?: string;

  @ApiProperty({ enum: STAGES }) @IsIn(STAGES) stage!: Stage;

  @ApiProperty({ required: false, format: 'uri' })
  @Optional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: '$property must be an http(s) address' })
  @MaxLength(300)
  website?: string;

  @Optional()
  @TextField(4000)
  description?: string;

  @IntField(0, 100_000, { coerce: true })
  teamSize!: number;
}

export class UpdateStartupDto implements UpdateStartupRequest {
  @Optional() @TextField(200) legalName?: string;

  @Optional()
  @CountryField()
  country?: string;

  @ApiProperty({ required: false })
  @Optional()
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s/g, '') : value))
  @IsSiren()
  siren?: string;

  @ApiProperty({ required: false, enum: SECTORS }) @Optional() @IsIn(SECTORS) sector?: Sector;
  @Optional() @PastDateField('Date of incorporation') foundedOn?: string;
  @ApiProperty({ required: false, enum: STAGES }) @Optional() @IsIn(STAGES) stage?: Stage;

  @ApiProperty({ required: false, format: 'uri' })
  @Optional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: '$property must be an http(s) address' })
  @MaxLength(300)
  website?: string;

  @Optional() @TextField(4000) description?: string;

  @Optional()
  @IntField(0, 100_000)
  teamSize?: number;
}
