import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsUUID, Matches, registerDecorator } from 'class-validator';
import { KPI_AGGREGATIONS, KPI_KEY_PATTERN, KPI_PERIODICITIES, KPI_REPORT_STATUSES, KPI_UNITS, SECTORS } from '@incubator/contracts';
import type {
  CreateKpiDefinitionRequest,
  KpiAggregatesQuery,
  KpiAggregation,
  KpiPeriodicity,
  KpiReportListQuery,
  KpiReportStatus,
  KpiUnit,
  Locale,
  ReturnKpiReportRequest,
  SaveKpiReportRequest,
  Sector,
  UpdateKpiReportRequest,
} from '@incubator/contracts';
import { DateField, EndsAfter, ExportLocaleField, Optional, PageQueryDto, PeriodField, TextField } from '../common/dto';

const uuid = { message: '$property must be a UUID' };
const BOUND = /^-?\d{1,15}(\.\d{1,4})?$/;

/** `{ key: value }` with KPI keys and numbers or decimal strings (the KPI definitions check the rest). */
function KpiValuesField(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] }, example: { headcount: 6, revenue: '42000.00' } })(target, key);
    registerDecorator({
      name: 'isKpiValues',
      target: target.constructor,
      propertyName: key as string,
      options: { message: '$property must map KPI keys to numbers (at most 60 entries)' },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= 60 &&
          // Values are stored as numeric(20, 4): a number must be finite and below 10^16 in magnitude.
          Object.entries(value).every(([k, v]) => KPI_KEY_PATTERN.test(k) && (typeof v === 'string' ? v.length <= 40 : typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 1e16)),
      },
    });
  };
}

export class SaveKpiReportDto implements SaveKpiReportRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) startupId!: string;
  @PeriodField('A month YYYY-MM or a quarter YYYY-Qn; not in the future') period!: string;
  @KpiValuesField() values!: Record<string, string | number>;
  @ApiProperty({ required: false, description: 'Submit for validation (every required KPI must be present)' }) @Optional() @IsBoolean() submit?: boolean;
}

export class UpdateKpiReportDto implements UpdateKpiReportRequest {
  @KpiValuesField() values!: Record<string, string | number>;
  @ApiProperty({ required: false }) @Optional() @IsBoolean() submit?: boolean;
}

export class ReturnKpiReportDto implements ReturnKpiReportRequest {
  @TextField(2000) comment!: string;
}

export class KpiReportQueryDto extends PageQueryDto implements KpiReportListQuery {
  @ApiProperty({ required: false, format: 'uuid' }) @Optional() @IsUUID('all', uuid) startupId?: string;
  @ApiProperty({ required: false, enum: KPI_REPORT_STATUSES }) @Optional() @IsIn(KPI_REPORT_STATUSES) status?: KpiReportStatus;
  @Optional() @PeriodField('A month YYYY-MM or a quarter YYYY-Qn') period?: string;
}

export class LateQueryDto {
  @PeriodField('A month YYYY-MM or a quarter YYYY-Qn') period!: string;
}

export class KpiRangeDto {
  @DateField('From (inclusive)') from!: string;
  @DateField('To (exclusive)') @EndsAfter('from') to!: string;
}

export class KpiExportQueryDto extends KpiRangeDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] }) @IsIn(['csv', 'xlsx']) format!: 'csv' | 'xlsx';
  @ExportLocaleField() locale?: Locale;
}

export class KpiImportQueryDto {
  @ApiProperty({ required: false, default: false, description: 'Check every line and write nothing' })
  @Optional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun = false;
}

export class KpiAggregatesQueryDto extends KpiRangeDto implements KpiAggregatesQuery {
  @ApiProperty({ required: false, format: 'uuid' }) @Optional() @IsUUID('all', uuid) siteId?: string;
  @ApiProperty({ required: false, format: 'uuid' }) @Optional() @IsUUID('all', uuid) programId?: string;
  @ApiProperty({ required: false, format: 'uuid' }) @Optional() @IsUUID('all', uuid) cohortId?: string;
  @ApiProperty({ required: false, enum: SECTORS }) @Optional() @IsIn(SECTORS) sector?: Sector;
}

export class CreateKpiDefinitionDto implements CreateKpiDefinitionRequest {
  @ApiProperty({ example: 'burn_rate', description: 'lower-case snake case' })
  @Matches(KPI_KEY_PATTERN, { message: '$property must be lower-case snake case (2 to 40 characters)' })
  key!: string;

  @TextField(120) labelFr!: string;
  @TextField(120) labelEn!: string;
  @ApiProperty({ enum: KPI_UNITS }) @IsIn(KPI_UNITS) unit!: KpiUnit;
  @ApiProperty({ enum: KPI_AGGREGATIONS }) @IsIn(KPI_AGGREGATIONS) aggregation!: KpiAggregation;
  @ApiProperty({ enum: KPI_PERIODICITIES }) @IsIn(KPI_PERIODICITIES) periodicity!: KpiPeriodicity;
  @ApiProperty() @IsBoolean() required!: boolean;
  @ApiProperty({ required: false, example: '0' }) @Optional() @Matches(BOUND, { message: '$property must be a decimal number' }) minValue?: string;
  @ApiProperty({ required: false, example: '1000' }) @Optional() @Matches(BOUND, { message: '$property must be a decimal number' }) maxValue?: string;
  @ApiProperty({ required: false, format: 'uuid' }) @Optional() @IsUUID('all', uuid) programId?: string;
}
