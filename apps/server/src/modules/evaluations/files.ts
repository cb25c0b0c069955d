import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { newId } from '../../ids';
import type { Db } from './evaluations.access';

export interface StoredFileInput {
  name: string;
  contentType: string;
  data: Buffer;
  createdBy: string | null;
}

export interface StoredFileContent {
  name: string;
  contentType: string;
  data: Buffer;
}

/**
 * Where uploaded evidence lives. The database implementation below keeps files in `stored_file`
 * (bytea), inside the caller's transaction so a file exists exactly when the record that points at it
 * does; an object store would implement the same two calls.
 */
export interface FileStore {
  put(
    tx: Transaction<DB>,
    tenantId: string,
    file: StoredFileInput,
  ): Promise<{ id: string; size: number; sha256: string }>;
  get(db: Db, tenantId: string, id: string): Promise<StoredFileContent | null>;
  remove(tx: Transaction<DB>, tenantId: string, id: string): Promise<void>;
}

export const databaseFileStore: FileStore = {
  async put(tx, tenantId, file) {
    const id = newId();
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    await tx
      .insertInto('stored_file')
      .values({
        tenant_id: tenantId,
        id,
        name: file.name,
        content_type: file.contentType,
        size_bytes: file.data.length,
        sha256,
        data: file.data,
        created_by: file.createdBy,
        created_at: new Date(),
      })
      .execute();
    return { id, size: file.data.length, sha256 };
  },
  async get(db, tenantId, id) {
    const row = await db
      .selectFrom('stored_file')
      .select(['name', 'content_type', 'data'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? { name: row.name, contentType: row.content_type, data: Buffer.from(row.data) } : null;
  },
  async remove(tx, tenantId, id) {
    await tx.deleteFrom('stored_file').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  },
};
