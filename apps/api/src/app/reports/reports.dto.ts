import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { REPORT_KINDS, SCHEDULE_KINDS, TARGET_KEYS } from '@incubator/contracts';
import { CronField, IntField, Optional, PeriodField, QuarterField } from '../common/dto';
import type { ReportKind, RequestReportRunRequest, ScheduleKind, SetTargetRequest, TargetKey, UpdateScheduleRequest } from '@incubator/contracts';

const uuid = { message: '$property must be a UUID' };

export class RequestReportRunDto implements RequestReportRunRequest {
  @ApiProperty({ enum: REPORT_KINDS }) @IsIn(REPORT_KINDS) kind!: ReportKind;
  @PeriodField('A quarter YYYY-Qn for a board pack, a month YYYY-MM for occupancy')
  period!: string;
  @ApiProperty({ required: false, description: 'Produce a finished period again (a new generation; older files kept)' }) @Optional() @IsBoolean() regenerate?: boolean;
}

export class ReportRunQueryDto {
  @ApiProperty({ required: false, enum: REPORT_KINDS }) @Optional() @IsIn(REPORT_KINDS) kind?: ReportKind;
}

export class ReportFileParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) id!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) fileId!: string;
}

export class QuarterParam {
  @QuarterField() quarter!: string;
}

export class ScheduleKindParam {
  @ApiProperty({ enum: SCHEDULE_KINDS }) @IsIn(SCHEDULE_KINDS) kind!: ScheduleKind;
}

export class UpdateScheduleDto implements UpdateScheduleRequest {
  @Optional()
  @CronField()
  cron?: string;
  @ApiProperty({ required: false }) @Optional() @IsBoolean() enabled?: boolean;
}

export class SetTargetDto implements SetTargetRequest {
  @ApiProperty({ enum: TARGET_KEYS }) @IsIn(TARGET_KEYS) key!: TargetKey;
  @IntField(2000, 2100, { coerce: true, example: 2026 }) year!: number;
  @ApiProperty({ example: '120' }) @Matches(/^\d{1,15}(\.\d{1,2})?$/, { message: '$property must be a non-negative decimal' }) value!: string;
}

export class QueueJobParams {
  @ApiProperty() @IsString() @MaxLength(40) name!: string;
  @ApiProperty() @IsString() @MaxLength(300) jobId!: string;
}
