import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata, StreamableFile, UseInterceptors } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { from, mergeMap, Observable } from 'rxjs';
import { SecurityEvents } from '@incubator/api/audit';
import type { RequestWithCaller } from '../auth/access.guard';

type DownloadEventType = 'export.downloaded' | 'report.downloaded';

interface DownloadEventMetadata {
  type: DownloadEventType;
  /** What was downloaded: `startups`, `funding-rounds`, `kpi-reports`, `occupancy`, `rent-roll`, `report-file`. */
  what: string;
}

const DOWNLOAD_EVENT_KEY = 'incubator:download-event';

/**
 * Records a security event (who, what, when, from where) each time the route hands out a file: data
 * leaving the platform in bulk is what an investigation asks about first (OWASP ASVS V7). Recorded once
 * the file is ready, so a refused or failed export leaves no event.
 */
export function DownloadEvent(type: DownloadEventType, what: string): MethodDecorator {
  return applyDecorators(SetMetadata(DOWNLOAD_EVENT_KEY, { type, what } satisfies DownloadEventMetadata), UseInterceptors(DownloadEventInterceptor));
}

@Injectable()
export class DownloadEventInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly events: SecurityEvents,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const metadata = this.reflector.get<DownloadEventMetadata | undefined>(DOWNLOAD_EVENT_KEY, context.getHandler());
    const request = context.switchToHttp().getRequest<Request & RequestWithCaller>();
    return next.handle().pipe(
      mergeMap((result) =>
        from(
          (async () => {
            if (metadata && request.caller) {
              const { caller } = request;
              await this.events.record({
                type: metadata.type,
                organisationId: caller.organisationId,
                userId: caller.userId,
                email: caller.email,
                ip: request.ip ?? null,
                requestId: caller.requestId,
                // Filters and ids only: the query of an export route carries no secret.
                detail: { what: metadata.what, filename: filenameOf(result), params: { ...request.params }, query: { ...(request.query as object) } },
              });
            }
            return result;
          })(),
        ),
      ),
    );
  }
}

function filenameOf(result: unknown): string | null {
  if (!(result instanceof StreamableFile)) return null;
  const disposition = [result.getHeaders().disposition ?? ''].flat().join(';');
  return /filename="([^"]*)"/.exec(disposition)?.[1] ?? null;
}
