import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { REPORT_KINDS, SCHEDULE_KINDS, TARGET_KEYS } from '@incubator/contracts';
import type { ReportKind, RequestReportRunRequest, ScheduleKind, SetTargetRequest, TargetKey, UpdateScheduleRequest } from '@incubator/contracts';

const uuid = { message: '$property must be a UUID' };

export class RequestReportRunDto implements RequestReportRunRequest {
  @ApiProperty({ enum: REPORT_KINDS }) @IsIn(REPORT_KINDS) kind!: ReportKind;
  @ApiProperty({ example: '2026-Q3', description: 'A quarter YYYY-Qn for a board pack, a month YYYY-MM for occupancy' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, { message: '$property must be YYYY-Qn or YYYY-MM' })
  period!: string;
  @ApiProperty({ required: false, description: 'Produce a finished period again (a new generation; older files kept)' }) @IsOptional() @IsBoolean() regenerate?: boolean;
}

export class ReportRunQueryDto {
  @ApiProperty({ required: false, enum: REPORT_KINDS }) @IsOptional() @IsIn(REPORT_KINDS) kind?: ReportKind;
}

export class ReportFileParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) id!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) fileId!: string;
}

export class QuarterParam {
  @ApiProperty({ example: '2026-Q3' }) @Matches(/^\d{4}-Q[1-4]$/, { message: '$property must be a quarter YYYY-Qn' }) quarter!: string;
}

export class ScheduleKindParam {
  @ApiProperty({ enum: SCHEDULE_KINDS }) @IsIn(SCHEDULE_KINDS) kind!: ScheduleKind;
}

export class UpdateScheduleDto implements UpdateScheduleRequest {
  @ApiProperty({ required: false, example: '0 7 5 1,4,7,10 *', description: 'minute hour day month weekday, in the organisation’s time zone' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cron?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsBoolean() enabled?: boolean;
}

export class SetTargetDto implements SetTargetRequest {
  @ApiProperty({ enum: TARGET_KEYS }) @IsIn(TARGET_KEYS) key!: TargetKey;
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ example: '120' }) @Matches(/^\d{1,15}(\.\d{1,2})?$/, { message: '$property must be a non-negative decimal' }) value!: string;
}

export class QueueJobParams {
  @ApiProperty() @IsString() @MaxLength(40) name!: string;
  @ApiProperty() @IsString() @MaxLength(300) jobId!: string;
}
