import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsPositive, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PROGRAM_KINDS } from '@incubator/contracts';
import type { CreateBuildingRequest, CreateFloorRequest, CreateLeaseRequest, CreateWaitlistRequest, ProgramKind, ProposalRequest, ResizeLeaseRequest } from '@incubator/contracts';
import { DateField, TextField } from '../common/dto';

const uuid = { message: '$property must be a UUID' };

export class BuildingQueryDto {
  @ApiProperty({ required: false, format: 'uuid' }) @IsOptional() @IsUUID('all', uuid) siteId?: string;
}

export class FloorQueryDto {
  @ApiProperty({ required: false, format: 'uuid' }) @IsOptional() @IsUUID('all', uuid) buildingId?: string;
}

export class PlanQueryDto {
  @DateField('The day the plan shows')
  on!: string;
}

export class CreateBuildingDto implements CreateBuildingRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) siteId!: string;
  @TextField(120) name!: string;
}

export class CreateFloorDto implements CreateFloorRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) buildingId!: string;
  @ApiProperty({ minimum: -10, maximum: 200 }) @Type(() => Number) @IsInt() @Min(-10) @Max(200) level!: number;
  @TextField(120) name!: string;

  @ApiProperty({ example: 'MMMM.MMMM\nMMMM.MMMM', description: 'One line per row: M a 24 m² module, . not rentable' })
  @IsString()
  @MaxLength(20_000)
  layout!: string;
}

export class ProposalDto implements ProposalRequest {
  @ApiProperty({ description: 'Requested area in m²; rounded up to whole 24 m² modules', example: 50 })
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(10_000)
  areaM2!: number;

  @DateField('First day (inclusive)') startsOn!: string;
  @IsOptional() @DateField('Day after the last day (exclusive); omit for open-ended') endsOn?: string;
  @ApiProperty({ required: false, format: 'uuid' }) @IsOptional() @IsUUID('all', uuid) siteId?: string;
  @ApiProperty({ required: false, format: 'uuid' }) @IsOptional() @IsUUID('all', uuid) buildingId?: string;
  @ApiProperty({ required: false, format: 'uuid' }) @IsOptional() @IsUUID('all', uuid) floorId?: string;
  @ApiProperty({ required: false, format: 'uuid' }) @IsOptional() @IsUUID('all', uuid) startupId?: string;
  @ApiProperty({ required: false, minimum: 1, maximum: 20 }) @IsOptional() @IsInt() @Min(1) @Max(20) limit?: number;
}

export class CreateLeaseDto implements CreateLeaseRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) startupId!: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'each of $property must be a UUID' })
  moduleIds!: string[];

  @DateField('First day (inclusive)') startsOn!: string;
  @IsOptional() @DateField('Day after the last day (exclusive); omit for open-ended') endsOn?: string;
  @ApiProperty({ enum: PROGRAM_KINDS }) @IsIn(PROGRAM_KINDS) programKind!: ProgramKind;

  @ApiProperty({ required: false, description: 'Euro cents per m² and month; defaults to the site’s price list' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  monthlyPricePerM2Cents?: number;
}

export class ResizeLeaseDto implements ResizeLeaseRequest {
  @DateField('First day of the new size; the previous version ends here (exclusive)') effectiveOn!: string;
  @ApiProperty({ required: false, format: 'uuid' }) @IsOptional() @IsUUID('all', uuid) addModuleId?: string;
  @ApiProperty({ required: false, format: 'uuid' }) @IsOptional() @IsUUID('all', uuid) removeModuleId?: string;
}

export class LeaseQueryDto {
  @ApiProperty({ required: false, format: 'uuid' }) @IsOptional() @IsUUID('all', uuid) startupId?: string;
}

export class OccupancyQueryDto {
  @DateField('The day to measure') on!: string;
  @ApiProperty({ required: false, format: 'uuid' }) @IsOptional() @IsUUID('all', uuid) siteId?: string;
}

export class RentRollQueryDto {
  @ApiProperty({ example: '2027-03', description: 'Calendar month YYYY-MM' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '$property must be a month (YYYY-MM)' })
  month!: string;
}

export class CreateWaitlistDto implements CreateWaitlistRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) startupId!: string;

  @ApiProperty({ example: 50 })
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(10_000)
  areaM2!: number;

  @DateField('First day wanted (inclusive)') startsOn!: string;
  @IsOptional() @DateField('Day after the last day (exclusive)') endsOn?: string;
  @ApiProperty({ required: false, format: 'uuid' }) @IsOptional() @IsUUID('all', uuid) siteId?: string;
  @ApiProperty({ enum: PROGRAM_KINDS }) @IsIn(PROGRAM_KINDS) programKind!: ProgramKind;
  @ApiProperty({ description: 'Euro cents per m² and month' }) @IsInt() @Min(0) @Max(1_000_000) monthlyPricePerM2Cents!: number;
}

export class OccupancyExportQueryDto extends OccupancyQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] }) @IsIn(['csv', 'xlsx']) format!: 'csv' | 'xlsx';
}

export class RentRollExportQueryDto extends RentRollQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] }) @IsIn(['csv', 'xlsx']) format!: 'csv' | 'xlsx';
}
