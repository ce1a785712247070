import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsObject, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { SITE_KINDS } from '@incubator/contracts';
import type { CreateSiteRequest, FloorZone, SiteKind, UpdateBuildingRequest, UpdateFloorRequest, UpdateSiteRequest } from '@incubator/contracts';
import { Clearable, IntField, Optional, TextField } from '../common/dto';

export class SetupArchivedQueryDto {
  @ApiProperty({ required: false, default: false, description: 'Also list archived ones' })
  @Optional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeArchived = false;
}

export class SetupBuildingQueryDto extends SetupArchivedQueryDto {
  @ApiProperty({ required: false, format: 'uuid' }) @Optional() @IsUUID('all', { message: '$property must be a UUID' }) siteId?: string;
}

export class CreateSiteDto implements CreateSiteRequest {
  @TextField(200) name!: string;
  @Clearable() @TextField(500) address?: string | null;
  @TextField(120) city!: string;
  @ApiProperty({ enum: SITE_KINDS }) @IsIn(SITE_KINDS) kind!: SiteKind;
}

export class UpdateSiteDto implements UpdateSiteRequest {
  @Optional() @TextField(200) name?: string;
  @Clearable() @TextField(500) address?: string | null;
  @Optional() @TextField(120) city?: string;
  @ApiProperty({ enum: SITE_KINDS, required: false }) @Optional() @IsIn(SITE_KINDS) kind?: SiteKind;
}

export class UpdateBuildingDto implements UpdateBuildingRequest {
  @TextField(120) name!: string;
}

export class FloorZoneDto implements FloorZone {
  @IntField(0, 199) col!: number;
  @IntField(0, 199) row!: number;
  @TextField(60) zone!: string;
}

export class UpdateFloorDto implements UpdateFloorRequest {
  @TextField(120) name!: string;
  @IntField(-10, 200) level!: number;

  @ApiProperty({ example: 'MMMM.MMMM\n####.MMMM', description: 'One line per row: M a 24 m² module, . corridor, # not rentable' })
  @IsString()
  @MaxLength(20_000)
  layout!: string;

  @ApiProperty({ type: [FloorZoneDto], required: false, description: 'A zone name per cell' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20_000)
  @IsObject({ each: true, message: 'each of $property must be an object' })
  @ValidateNested({ each: true })
  @Type(() => FloorZoneDto)
  zones?: FloorZoneDto[];
}
