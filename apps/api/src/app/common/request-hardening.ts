import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ApiErrorResponse, Locale } from '@incubator/contracts';
import { isStorableText, MAX_JSON_DEPTH, parseJsonBody, unstorableTextPaths } from './json-body';
import { requestLocale } from './request-locale';

const MB = 1024 * 1024;

/** Every JSON body is read up to this size; a route needing more is listed in LARGER_JSON_BODIES. */
export const JSON_BODY_LIMIT = 1 * MB;
/** CSV uploads (KPI import) arrive as text/csv, up to this size. */
export const CSV_UPLOAD_LIMIT = '2mb';
/** Bank statements (CAMT.053, billing) arrive as application/xml or text/xml, up to this size. */
export const XML_UPLOAD_LIMIT = '2mb';
export const XML_TYPES = ['application/xml', 'text/xml'];
/** Application files (pitch decks, calls for applications) arrive as raw application/pdf bytes, up to this size. */
export const PDF_UPLOAD_LIMIT = 10 * MB;
export const PDF_TYPE = 'application/pdf';
/** XLSX uploads (startup import) arrive as raw bytes of this type, up to CSV_UPLOAD_LIMIT too. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Routes that declare a bigger JSON body than JSON_BODY_LIMIT (full path, with the /api prefix). None
 * today: a route that needs one is added here, in the one place that reads bodies.
 */
export const LARGER_JSON_BODIES: ReadonlyArray<{ method: string; path: RegExp; limit: number }> = [];

const JSON_TYPES = ['application/json', 'application/*+json'];

type Bilingual = { fr: string; en: string };

/**
 * The request-hardening layer: plain Express middleware, so it runs before Nest's module middleware,
 * the routes and the global guard (authentication): junk is refused cheaply, identically for anonymous and signed-in callers, and never
 * reaches a DTO, a service or PostgreSQL (which answers NUL, a lone surrogate or a 5,000-deep value
 * with an error that used to become a 500). It is the only place request bodies are read: Nest's own
 * body parser is off (`bodyParser: false` in main.ts and test-app.ts), otherwise its 100 kB json
 * parser, registered at init after everything here, turned every too-large body into a 500.
 */
export function hardenRequests(app: NestExpressApplication): void {
  app.use(refuseUnreadableUrl);
  app.use(refuseForeignCharset);
  app.use(readJsonBody());
  app.use(parseJson);
  app.use(express.text({ type: 'text/csv', limit: CSV_UPLOAD_LIMIT }));
  app.use(express.raw({ type: XLSX_TYPE, limit: CSV_UPLOAD_LIMIT }));
  app.use(express.text({ type: XML_TYPES, limit: XML_UPLOAD_LIMIT }));
  app.use(express.raw({ type: PDF_TYPE, limit: PDF_UPLOAD_LIMIT }));
  app.use(bodyReadErrors);
}

function reply(response: Response, statusCode: number, error: string, message: string, fields?: Record<string, string[]>): void {
  const requestId = (response.req as Request & { id?: string }).id;
  const body: ApiErrorResponse = { statusCode, error, message, ...(fields ? { fields } : {}), ...(requestId ? { requestId } : {}) };
  response.status(statusCode).json(body);
}

const localeOf = (request: Request): Locale => requestLocale(request.headers['accept-language']);
const say = (request: Request, text: Bilingual): string => text[localeOf(request)];

/** 400 naming each field whose text cannot be stored, in the same shape as validation errors. */
function refuseFields(request: Request, response: Response, paths: string[]): void {
  const fr = localeOf(request) === 'fr';
  const fields = Object.fromEntries(
    paths.map((path) => [
      path,
      [fr ? `le champ ${path} contient un texte Unicode mal formé ou un caractère NUL` : `${path} must be well-formed Unicode text without NUL characters`],
    ]),
  );
  reply(response, 400, 'Bad Request', fr ? 'La requête contient des champs invalides.' : 'The request has invalid fields.', fields);
}

/**
 * The path must percent-decode to storable text (Express would throw a URIError while matching
 * `:id`, or hand a NUL to PostgreSQL), and so must every query parameter, names included.
 */
function refuseUnreadableUrl(request: Request, response: Response, next: NextFunction): void {
  const pathOk = request.path.split('/').every((segment) => {
    try {
      return isStorableText(decodeURIComponent(segment));
    } catch {
      return false;
    }
  });
  if (!pathOk) {
    return reply(response, 400, 'Bad Request', say(request, {
      fr: "L'adresse de la requête contient un encodage « % » invalide ou un caractère interdit.",
      en: 'The request address holds broken percent-encoding or a forbidden character.',
    }));
  }
  const badQuery = unstorableTextPaths(request.query);
  if (badQuery.length > 0) return refuseFields(request, response, badQuery);
  next();
}

/** JSON is UTF-8 (RFC 8259); any other declared charset is refused rather than guessed. */
function refuseForeignCharset(request: Request, response: Response, next: NextFunction): void {
  const header = request.headers['content-type'];
  if (header && request.is(JSON_TYPES)) {
    const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(header)?.[1];
    if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
      return reply(response, 415, 'Unsupported Media Type', say(request, {
        fr: 'Jeu de caractères non pris en charge : envoyez le JSON en UTF-8.',
        en: 'Unsupported charset: send JSON in UTF-8.',
      }));
    }
  }
  next();
}

/** Reads a JSON body as bytes, up to the route's limit; body-parser's errors go on to bodyReadErrors. */
function readJsonBody(): RequestHandler {
  const readers = new Map<number, RequestHandler>();
  const reader = (limit: number): RequestHandler => {
    let handler = readers.get(limit);
    if (!handler) {
      handler = express.raw({ type: JSON_TYPES, limit });
      readers.set(limit, handler);
    }
    return handler;
  };
  return (request, response, next) => {
    const limit = jsonLimitFor(request);
    (request as Request & { jsonLimit?: number }).jsonLimit = limit;
    reader(limit)(request, response, next);
  };
}

export function jsonLimitFor(request: Pick<Request, 'method' | 'path'>): number {
  return LARGER_JSON_BODIES.find((route) => route.method === request.method && route.path.test(request.path))?.limit ?? JSON_BODY_LIMIT;
}

/** Turns the bytes read by readJsonBody into the parsed body, or refuses them. */
function parseJson(request: Request, response: Response, next: NextFunction): void {
  if (!Buffer.isBuffer(request.body) || !request.is(JSON_TYPES)) return next();
  const parsed = parseJsonBody(request.body);
  if ('problem' in parsed) {
    const messages: Record<typeof parsed.problem, Bilingual> = {
      'not-utf8': { fr: "Corps de requête illisible : ce n'est pas de l'UTF-8.", en: 'Unreadable request body: it is not UTF-8.' },
      'too-deep': {
        fr: `Corps de requête trop imbriqué (au plus ${MAX_JSON_DEPTH} niveaux).`,
        en: `Request body nested too deeply (at most ${MAX_JSON_DEPTH} levels).`,
      },
      malformed: { fr: 'Corps de requête illisible : JSON mal formé.', en: 'Unreadable request body: malformed JSON.' },
    };
    return reply(response, 400, 'Bad Request', say(request, messages[parsed.problem]));
  }
  const bad = unstorableTextPaths(parsed.value);
  if (bad.length > 0) return refuseFields(request, response, bad);
  request.body = parsed.value;
  next();
}

/** "1 Mo" / "1 MB", "512 Ko" / "512 kB": the limit as a person reads it. */
export function formatLimit(bytes: number, locale: Locale): string {
  if (bytes % MB === 0) return `${bytes / MB} ${locale === 'fr' ? 'Mo' : 'MB'}`;
  return `${Math.ceil(bytes / 1024)} ${locale === 'fr' ? 'Ko' : 'kB'}`;
}

/**
 * body-parser's own refusals (too large, unsupported content-encoding, aborted upload) in the API's
 * error format and the caller's language; anything with a 5xx status is a real fault and goes on to
 * Nest's error handling (logged, generic 500).
 */
function bodyReadErrors(error: { status?: number; type?: string } | undefined, request: Request, response: Response, next: NextFunction): void {
  if (!error?.status || error.status >= 500) return next(error);
  const locale = localeOf(request);
  if (error.type === 'entity.too.large') {
    if (request.is(PDF_TYPE)) {
      return reply(response, 413, 'Payload Too Large', say(request, { fr: 'Fichier trop volumineux (10 Mo au plus).', en: 'File too large (at most 10 MB).' }));
    }
    if (request.is(XML_TYPES)) {
      return reply(response, 413, 'Payload Too Large', say(request, { fr: `Fichier trop volumineux (au plus ${XML_UPLOAD_LIMIT}).`, en: `File too large (at most ${XML_UPLOAD_LIMIT}).` }));
    }
    if (request.is(['text/csv', XLSX_TYPE])) {
      // The KPI import screen shows its own text for a 413; the message keeps the limit as it always read.
      return reply(response, 413, 'Payload Too Large', say(request, { fr: `Fichier trop volumineux (au plus ${CSV_UPLOAD_LIMIT}).`, en: `File too large (at most ${CSV_UPLOAD_LIMIT}).` }));
    }
    const limit = formatLimit((request as Request & { jsonLimit?: number }).jsonLimit ?? JSON_BODY_LIMIT, locale);
    return reply(response, 413, 'Payload Too Large', say(request, { fr: `Corps de requête trop volumineux (au plus ${limit}).`, en: `Request body too large (at most ${limit}).` }));
  }
  if (error.status === 415) {
    return reply(response, 415, 'Unsupported Media Type', say(request, {
      fr: 'Encodage du corps de requête non pris en charge.',
      en: 'Unsupported request body encoding.',
    }));
  }
  reply(response, error.status, 'Bad Request', say(request, { fr: 'Corps de requête illisible.', en: 'Unreadable request body.' }));
}
