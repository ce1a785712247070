import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HeartbeatService, SystemErrors } from '@incubator/api/system';
import { Permission } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { PageQueryDto } from '../common/dto';
import { HeartbeatDto, HeartbeatPageDto, HeartbeatRequestedDto } from './heartbeat.dto';

/** Proof that API → Redis → worker → PostgreSQL works end to end: the platform's, so for the platform operator only. */
@ApiTags('system')
@Access(Permission.SystemOperate)
@Controller('system/heartbeats')
export class HeartbeatController {
  constructor(private readonly heartbeats: HeartbeatService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Enqueue a heartbeat job; the worker records it' })
  @ApiAcceptedResponse({ type: HeartbeatRequestedDto })
  request(): Promise<HeartbeatRequestedDto> {
    return this.heartbeats.request('api');
  }

  @Get()
  @ApiOperation({ summary: 'Recorded heartbeats, newest first' })
  @ApiOkResponse({ type: HeartbeatPageDto })
  list(@Query() query: PageQueryDto): Promise<HeartbeatPageDto> {
    return this.heartbeats.list(query.limit, query.offset);
  }

  @Get(':jobId')
  @ApiOperation({ summary: 'The heartbeat recorded for a job, once the worker has processed it' })
  @ApiOkResponse({ type: HeartbeatDto })
  @ApiNotFoundResponse({ description: 'Not processed (yet)' })
  async get(@Param('jobId') jobId: string): Promise<HeartbeatDto> {
    const heartbeat = await this.heartbeats.findByJobId(jobId);
    if (!heartbeat) throw SystemErrors.heartbeat_not_found({ jobId });
    return heartbeat;
  }
}
