/**
 * Where the bytes of uploaded application files live. The record of each file (name, size, type,
 * storage key) is in application_files; the bytes are behind this interface, so a deployment can
 * swap where they go without touching the services.
 *
 * Implementations:
 *  - DatabaseFileStorage (the default, application-file-blob.repository.ts): bytes in the
 *    application_file_blobs table (bytea), in the same database and backups; fine for a few
 *    thousand 10 MB decks.
 *  - An S3-compatible store (AWS S3, Scaleway, OVHcloud, MinIO…): implement `put` with PutObject
 *    (key = storageKey, ContentType application/pdf, server-side encryption on), `get` with GetObject
 *    and `remove` with DeleteObject, using @aws-sdk/client-s3 with `endpoint` and `forcePathStyle`
 *    for non-AWS providers; configure bucket, region, endpoint and credentials through AppConfig and
 *    bind it instead of DatabaseFileStorage in ApplicationsModule
 *    (`{ provide: APPLICATION_FILE_STORAGE, useClass: S3FileStorage }`). Keep the bucket private: files
 *    are only ever served through the API, which checks who may read them.
 */
export interface ApplicationFileStorage {
  put(organisationId: string, storageKey: string, data: Buffer): Promise<void>;
  get(organisationId: string, storageKey: string): Promise<Buffer | null>;
  remove(organisationId: string, storageKey: string): Promise<void>;
}

/** Injection token of the ApplicationFileStorage in use. */
export const APPLICATION_FILE_STORAGE = Symbol('ApplicationFileStorage');

/** A PDF starts with `%PDF-` (ISO 32000-1, 7.5.2). */
export function isPdf(data: Buffer): boolean {
  return data.length >= 5 && data.subarray(0, 5).toString('latin1') === '%PDF-';
}
