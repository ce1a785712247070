import { ApiProperty } from '@nestjs/swagger';
import type { HeartbeatRequestedResponse, HeartbeatResponse, HeartbeatSource, PageResponse } from '@incubator/contracts';

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
