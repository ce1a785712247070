import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUrl, IsUUID, Matches, Max, MaxLength, Min, registerDecorator, ValidateIf } from 'class-validator';
import { ENROLLMENT_STATUSES, isValidSiren, SECTORS, STAGES, STARTUP_SORTS } from '@incubator/contracts';
import type { CreateStartupRequest, EnrollmentStatus, Sector, Stage, StartupListQuery, StartupSort, UpdateStartupRequest } from '@incubator/contracts';
import { DateField, ExportQueryDto, SearchPageQueryDto, TextField } from '../common/dto';

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
  @ApiProperty({ required: false, format: 'uuid' }) @IsOptional() @IsUUID('all', uuid) siteId?: string;
  @ApiProperty({ required: false, format: 'uuid' }) @IsOptional() @IsUUID('all', uuid) programId?: string;
  @ApiProperty({ required: false, format: 'uuid' }) @IsOptional() @IsUUID('all', uuid) cohortId?: string;
  @ApiProperty({ required: false, enum: ENROLLMENT_STATUSES }) @IsOptional() @IsIn(ENROLLMENT_STATUSES) status?: EnrollmentStatus;
  @ApiProperty({ required: false, enum: SECTORS }) @IsOptional() @IsIn(SECTORS) sector?: Sector;
  @ApiProperty({ required: false, enum: STAGES }) @IsOptional() @IsIn(STAGES) stage?: Stage;
  @ApiProperty({ required: false, enum: STARTUP_SORTS, default: 'name' }) @IsOptional() @IsIn(STARTUP_SORTS) sort?: StartupSort;
}

export class StartupExportQueryDto extends StartupQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] })
  @IsIn(['csv', 'xlsx'])
  format!: ExportQueryDto['format'];
}

export class CreateStartupDto implements CreateStartupRequest {
  @TextField(200)
  legalName!: string;

  @ApiProperty({ example: 'FR', description: 'ISO 3166 alpha-2 country of registration' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^[A-Z]{2}$/, { message: '$property must be a two-letter country code such as FR' })
  country!: string;

  @ApiProperty({ required: false, example: '732829320', description: 'Required for French startups' })
  @ValidateIf((startup: CreateStartupDto) => startup.country === 'FR' || startup.siren !== undefined)
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s/g, '') : value))
  @IsSiren()
  siren?: string;

  @ApiProperty({ enum: SECTORS }) @IsIn(SECTORS) sector!: Sector;

  @IsOptional()
  @DateField('Date of incorporation')
  foundedOn?: string;

  @ApiProperty({ enum: STAGES }) @IsIn(STAGES) stage!: Stage;

  @ApiProperty({ required: false, format: 'uri' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: '$property must be an http(s) address' })
  @MaxLength(300)
  website?: string;

  @IsOptional()
  @TextField(4000)
  description?: string;

  @ApiProperty({ minimum: 0, maximum: 100000 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
  teamSize!: number;
}

export class UpdateStartupDto implements UpdateStartupRequest {
  @IsOptional() @TextField(200) legalName?: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^[A-Z]{2}$/, { message: '$property must be a two-letter country code such as FR' })
  country?: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s/g, '') : value))
  @IsSiren()
  siren?: string;

  @ApiProperty({ required: false, enum: SECTORS }) @IsOptional() @IsIn(SECTORS) sector?: Sector;
  @IsOptional() @DateField('Date of incorporation') foundedOn?: string;
  @ApiProperty({ required: false, enum: STAGES }) @IsOptional() @IsIn(STAGES) stage?: Stage;

  @ApiProperty({ required: false, format: 'uri' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: '$property must be an http(s) address' })
  @MaxLength(300)
  website?: string;

  @IsOptional() @TextField(4000) description?: string;

  @ApiProperty({ required: false, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  teamSize?: number;
}
