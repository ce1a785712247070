import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { HeartbeatRequestedResponse, HeartbeatResponse, HeartbeatSource, PageResponse } from '@incubator/contracts';

export class PageQueryDto {
  @ApiProperty({ required: false, minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;

  @ApiProperty({ required: false, minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}

export class HeartbeatDto implements HeartbeatResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() jobId!: string;
  @ApiProperty({ enum: ['schedule', 'api'] }) source!: HeartbeatSource;
  @ApiProperty({ format: 'date-time', description: 'UTC' }) requestedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'UTC' }) processedAt!: string;
  @ApiProperty({ description: 'host:pid of the worker' }) processedBy!: string;
}

export class HeartbeatPageDto implements PageResponse<HeartbeatResponse> {
  @ApiProperty({ type: [HeartbeatDto] }) items!: HeartbeatDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class HeartbeatRequestedDto implements HeartbeatRequestedResponse {
  @ApiProperty() jobId!: string;
}
