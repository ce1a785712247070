import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { HealthResponse } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('health')
@Access('public')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: 200 when PostgreSQL and Redis answer, 503 otherwise' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; the body says which' })
  check(): Promise<HealthResponse> {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2_000 }),
      () => this.redis.pingCheck('redis'),
    ]) as Promise<HealthResponse>;
  }
}
