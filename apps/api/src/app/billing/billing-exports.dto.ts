import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { Locale } from '@incubator/contracts';
import { DateField, ExportLocaleField, MonthField } from '../common/dto';
import { NotBefore } from './payments.dto';

export class ExportPeriodDto {
  @DateField('First day (inclusive)') from!: string;
  @DateField('Last day (inclusive): the FEC is named after it') @NotBefore('from') to!: string;
}

export class TableExportPeriodDto extends ExportPeriodDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] }) @IsIn(['csv', 'xlsx']) format!: 'csv' | 'xlsx';
  @ExportLocaleField() locale?: Locale;
}

export class BillingSummaryQueryDto {
  @MonthField('First month') from!: string;
  @MonthField('Last month (inclusive)') @NotBefore('from') to!: string;
}
