import type { DestinationStream } from 'pino';
import { build as pretty } from 'pino-pretty';
import type { AppConfig } from './app-config';

/**
 * Where pino writes, per LOG_FORMAT: undefined keeps pino's JSON on stdout; `pretty` prints one line
 * per entry — time, level, `[context]` and the message — and leaves out the request and response
 * objects (the request's own line already says method, URL, status and time: see the api's logging).
 * Synchronous, so the lines stay in order with the stack's own messages and nothing is lost on exit.
 */
export function logDestination(config: Pick<AppConfig, 'LOG_FORMAT'>, destination?: NodeJS.WritableStream): DestinationStream | undefined {
  if (config.LOG_FORMAT !== 'pretty') return undefined;
  return pretty({
    sync: true,
    destination: destination ?? process.stdout,
    colorize: destination === undefined && process.stdout.isTTY,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,req,res,responseTime,reqId,context,service',
    messageFormat: '{if context}[{context}] {end}{msg}',
  });
}
