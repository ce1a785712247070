import type { Request } from 'express';
import type { ClientContext, ClientHints } from '@incubator/api/identity';

/** The user agent as sessions keep it: bounded, so a 100 kB header costs nothing to store or show. */
function userAgent(request: Request): string | null {
  const value = request.headers['user-agent'];
  return typeof value === 'string' && value.length > 0 ? value.slice(0, 200) : null;
}

function requestId(request: Request): string | null {
  const id = (request as Request & { id?: unknown }).id;
  return id === undefined ? null : String(id);
}

/** What login needs besides the address it already takes. */
export function clientHints(request: Request): ClientHints {
  return { userAgent: userAgent(request), requestId: requestId(request) };
}

/** Where a request comes from, for sessions, challenges and security events. */
export function clientContext(request: Request): ClientContext {
  return { ip: request.ip ?? null, ...clientHints(request) } as ClientContext;
}
