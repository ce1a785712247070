import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { PROGRAM_KINDS } from '@incubator/contracts';
import type { CreateSpacePriceRequest, ProgramKind } from '@incubator/contracts';
import { DateField, IntField, Optional } from '../common/dto';

const uuid = { message: '$property must be a UUID' };

export class PriceListQueryDto {
  @ApiProperty({ required: false, format: 'uuid' }) @Optional() @IsUUID('all', uuid) siteId?: string;
}

export class CreateSpacePriceDto implements CreateSpacePriceRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) siteId!: string;
  @ApiProperty({ enum: PROGRAM_KINDS }) @IsIn(PROGRAM_KINDS) programKind!: ProgramKind;
  @DateField('First day the price is in force (inclusive); it stays in force until the next one') effectiveFrom!: string;
  @IntField(0, 1_000_000, { description: 'Euro cents per m² and month' }) monthlyPricePerM2Cents!: number;
}

export class PriceInForceQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) floorId!: string;
  @ApiProperty({ enum: PROGRAM_KINDS }) @IsIn(PROGRAM_KINDS) programKind!: ProgramKind;
  @DateField('The lease’s start date') on!: string;
}
