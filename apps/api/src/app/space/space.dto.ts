import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { LEASE_TERMINATION_REASONS, PROGRAM_KINDS } from '@incubator/contracts';
import type { CreateBuildingRequest, CreateFloorRequest, CreateLeaseRequest, CreateWaitlistRequest, LeaseTerminationReason, Locale, ProgramKind, ProposalRequest, ResizeLeaseRequest, TerminateLeaseRequest } from '@incubator/contracts';
import { AreaField, DateField, EndsAfter, ExportLocaleField, IntField, MonthField, Optional, TextField, UniqueItems } from '../common/dto';

const uuid = { message: '$property must be a UUID' };

export class BuildingQueryDto {
  @ApiProperty({ required: false, format: 'uuid' }) @Optional() @IsUUID('all', uuid) siteId?: string;
}

export class FloorQueryDto {
  @ApiProperty({ required: false, format: 'uuid' }) @Optional() @IsUUID('all', uuid) buildingId?: string;
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
  @IntField(-10, 200, { coerce: true }) level!: number;
  @TextField(120) name!: string;

  @ApiProperty({ example: 'MMMM.MMMM\nMMMM.MMMM', description: 'One line per row: M a 24 m² module, . not rentable' })
  @IsString()
  @MaxLength(20_000)
  layout!: string;
}

export class ProposalDto implements ProposalRequest {
  @AreaField('Requested area in m²; rounded up to whole 24 m² modules')
  areaM2!: number;

  @DateField('First day (inclusive)') startsOn!: string;
  @Optional() @DateField('Day after the last day (exclusive); omit for open-ended') @EndsAfter('startsOn') endsOn?: string;
  @ApiProperty({ required: false, format: 'uuid' }) @Optional() @IsUUID('all', uuid) siteId?: string;
  @ApiProperty({ required: false, format: 'uuid' }) @Optional() @IsUUID('all', uuid) buildingId?: string;
  @ApiProperty({ required: false, format: 'uuid' }) @Optional() @IsUUID('all', uuid) floorId?: string;
  @ApiProperty({ required: false, format: 'uuid' }) @Optional() @IsUUID('all', uuid) startupId?: string;
  @ApiProperty({ required: false, enum: PROGRAM_KINDS, description: 'Prices each proposal from the list of its site for this kind' })
  @Optional()
  @IsIn(PROGRAM_KINDS)
  programKind?: ProgramKind;
  @Optional() @IntField(1, 20) limit?: number;
}

export class CreateLeaseDto implements CreateLeaseRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) startupId!: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'each of $property must be a UUID' })
  @UniqueItems()
  moduleIds!: string[];

  @DateField('First day (inclusive)') startsOn!: string;
  @Optional() @DateField('Day after the last day (exclusive); omit for open-ended') @EndsAfter('startsOn') endsOn?: string;
  @ApiProperty({ enum: PROGRAM_KINDS }) @IsIn(PROGRAM_KINDS) programKind!: ProgramKind;

  @Optional()
  @IntField(0, 1_000_000, { description: 'Euro cents per m² and month; defaults to the site’s price list' })
  monthlyPricePerM2Cents?: number;
}

export class ResizeLeaseDto implements ResizeLeaseRequest {
  @DateField('First day of the new size; the previous version ends here (exclusive)') effectiveOn!: string;
  @ApiProperty({ required: false, format: 'uuid' }) @Optional() @IsUUID('all', uuid) addModuleId?: string;
  @ApiProperty({ required: false, format: 'uuid' }) @Optional() @IsUUID('all', uuid) removeModuleId?: string;
}

export class TerminateLeaseDto implements TerminateLeaseRequest {
  @DateField('Day after the last day (exclusive): after the lease’s start, at most its current end') endsOn!: string;
  @ApiProperty({ enum: LEASE_TERMINATION_REASONS }) @IsIn(LEASE_TERMINATION_REASONS) reason!: LeaseTerminationReason;
  @Optional() @TextField(500) note?: string;
}

export class LeaseQueryDto {
  @ApiProperty({ required: false, format: 'uuid' }) @Optional() @IsUUID('all', uuid) startupId?: string;
}

export class OccupancyQueryDto {
  @DateField('The day to measure') on!: string;
  @ApiProperty({ required: false, format: 'uuid' }) @Optional() @IsUUID('all', uuid) siteId?: string;
}

export class RentRollQueryDto {
  @MonthField()
  month!: string;
}

export class CreateWaitlistDto implements CreateWaitlistRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) startupId!: string;

  @AreaField('Wanted area in m²; stored rounded up to whole 24 m² modules (1 → 24, 50 → 72)')
  areaM2!: number;

  @DateField('First day wanted (inclusive)') startsOn!: string;
  @Optional() @DateField('Day after the last day (exclusive)') @EndsAfter('startsOn') endsOn?: string;
  @ApiProperty({ required: false, format: 'uuid' }) @Optional() @IsUUID('all', uuid) siteId?: string;
  @ApiProperty({ enum: PROGRAM_KINDS }) @IsIn(PROGRAM_KINDS) programKind!: ProgramKind;
  @IntField(0, 1_000_000, { description: 'Euro cents per m² and month' }) monthlyPricePerM2Cents!: number;
}

export class OccupancyExportQueryDto extends OccupancyQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] }) @IsIn(['csv', 'xlsx']) format!: 'csv' | 'xlsx';
  @ExportLocaleField() locale?: Locale;
}

export class RentRollExportQueryDto extends RentRollQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] }) @IsIn(['csv', 'xlsx']) format!: 'csv' | 'xlsx';
  @ExportLocaleField() locale?: Locale;
}
