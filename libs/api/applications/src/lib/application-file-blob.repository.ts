import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ApplicationFileStorage } from './application-file-storage';

interface BlobRow {
  data: Buffer;
}

/** The database implementation of ApplicationFileStorage: every statement on application_file_blobs. */
@Injectable()
export class DatabaseFileStorage implements ApplicationFileStorage {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async put(organisationId: string, storageKey: string, data: Buffer): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO application_file_blobs (storage_key, organisation_id, data) VALUES ($1, $2, $3)
       ON CONFLICT (storage_key) DO UPDATE SET data = EXCLUDED.data`,
      [storageKey, organisationId, data],
    );
  }

  async get(organisationId: string, storageKey: string): Promise<Buffer | null> {
    const [row] = await this.dataSource.query<BlobRow[]>('SELECT data FROM application_file_blobs WHERE organisation_id = $1 AND storage_key = $2', [
      organisationId,
      storageKey,
    ]);
    return row?.data ?? null;
  }

  async remove(organisationId: string, storageKey: string): Promise<void> {
    await this.dataSource.query('DELETE FROM application_file_blobs WHERE organisation_id = $1 AND storage_key = $2', [organisationId, storageKey]);
  }
}
