import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsUrl, IsUUID, Matches, MaxLength } from 'class-validator';
import { CURRENCIES, INVESTOR_KINDS, ROUND_KINDS, ROUND_STATUSES } from '@incubator/contracts';
import type {
  CreateFundingRoundRequest,
  CreateInvestorRequest,
  Currency,
  FundingRoundListQuery,
  InvestorKind,
  Locale,
  RoundKind,
  RoundStatus,
  UpdateFundingRoundRequest,
} from '@incubator/contracts';
import { DateField, EndsAfter, EurValueFits, ExportLocaleField, Optional, PageQueryDto, TextField, UniqueItems } from '../common/dto';

const uuid = { message: '$property must be a UUID' };
/** A positive decimal; the currency's own number of decimals is checked by the service. */
const AMOUNT = /^\d{1,15}(\.\d{1,4})?$/;
const amount = { message: '$property must be a decimal amount such as 1500000 or 1500000.50' };

export class InvestorQueryDto {
  @ApiProperty({ required: false, maxLength: 100 }) @Optional() @TextField(100) q?: string;
}

export class CreateInvestorDto implements CreateInvestorRequest {
  @TextField(160)
  name!: string;

  @ApiProperty({ enum: INVESTOR_KINDS }) @IsIn(INVESTOR_KINDS) kind!: InvestorKind;

  @ApiProperty({ required: false, format: 'uri' })
  @Optional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: '$property must be an http(s) link' })
  @MaxLength(300)
  website?: string;
}

class RoundFields {
  @ApiProperty({ required: false, description: 'EUR per one unit of the currency at the closing date; required unless EUR', example: '0.92' })
  @Optional()
  @Matches(/^\d{1,10}(\.\d{1,8})?$/, { message: '$property must be a positive rate with at most 8 decimals' })
  eurRate?: string;

  @Optional() @DateField('Announcement date') announcedOn?: string;
  @Optional() @DateField('Closing date: required for a closed round, not in the future') closedOn?: string;

  @ApiProperty({ required: false, type: [String], format: 'uuid' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: '$property must hold UUIDs' })
  @UniqueItems()
  investorIds?: string[];

  @ApiProperty({ required: false, format: 'uuid' }) @Optional() @IsUUID('all', uuid) leadInvestorId?: string;

  @ApiProperty({ required: false, description: 'Confidential: never shown to board members', example: '8000000' })
  @Optional()
  @Matches(AMOUNT, amount)
  preMoneyValuation?: string;
}

export class CreateFundingRoundDto extends RoundFields implements CreateFundingRoundRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) startupId!: string;
  @ApiProperty({ enum: ROUND_KINDS }) @IsIn(ROUND_KINDS) kind!: RoundKind;
  @ApiProperty({ enum: ROUND_STATUSES }) @IsIn(ROUND_STATUSES) status!: RoundStatus;
  @ApiProperty({ enum: CURRENCIES, description: 'ISO 4217' }) @IsIn(CURRENCIES) currency!: Currency;
  @ApiProperty({ example: '1500000.00', maxLength: 20 }) @Matches(AMOUNT, amount) @EurValueFits() amount!: string;
}

export class UpdateFundingRoundDto extends RoundFields implements UpdateFundingRoundRequest {
  @ApiProperty({ required: false, enum: ROUND_KINDS }) @Optional() @IsIn(ROUND_KINDS) kind?: RoundKind;
  @ApiProperty({ required: false, enum: ROUND_STATUSES }) @Optional() @IsIn(ROUND_STATUSES) status?: RoundStatus;
  @ApiProperty({ required: false, enum: CURRENCIES }) @Optional() @IsIn(CURRENCIES) currency?: Currency;
  @ApiProperty({ required: false, example: '1500000.00', maxLength: 20 }) @Optional() @Matches(AMOUNT, amount) @EurValueFits() amount?: string;
}

export class FundingRoundQueryDto extends PageQueryDto implements FundingRoundListQuery {
  @ApiProperty({ required: false, format: 'uuid' }) @Optional() @IsUUID('all', uuid) startupId?: string;
  @ApiProperty({ required: false, enum: ROUND_STATUSES }) @Optional() @IsIn(ROUND_STATUSES) status?: RoundStatus;
  @ApiProperty({ required: false, enum: ROUND_KINDS }) @Optional() @IsIn(ROUND_KINDS) kind?: RoundKind;
  @Optional() @DateField('Closed on or after (inclusive)') closedFrom?: string;
  @Optional() @DateField('Closed before (exclusive)') @EndsAfter('closedFrom') closedTo?: string;
}

export class FundingRoundExportQueryDto extends FundingRoundQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] }) @IsIn(['csv', 'xlsx']) format!: 'csv' | 'xlsx';
  @ExportLocaleField() locale?: Locale;
}
