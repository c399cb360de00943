import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, RequestErrors, SubmitResult } from '@dvc/contracts';
import { kyselyOf } from '@dvc/database';
import type { DB } from '../database/db.generated';
import { DossierConfig } from '../dossier.config';

/** What is stored for a replay: the answer with its one-time lookup key sealed (AES-256-GCM). */
interface StoredAnswer {
  id: string;
  code: string;
  status: SubmitResult['status'];
  sealedLookupKey: string;
}

/**
 * Idempotency-Key of submit: the same key with the same request answers the first answer
 * again, lookup key included; the same key with another request is 409. The lookup key is
 * stored only sealed with IDEMPOTENCY_SECRET, and only for IDEMPOTENCY_TTL_HOURS.
 */
@Injectable()
export class SubmitReplays {
  private readonly key: Buffer;
  private readonly ttlHours: number;

  constructor(
    private readonly dataSource: DataSource,
    config: DossierConfig,
  ) {
    this.key = createHash('sha256').update(config.IDEMPOTENCY_SECRET).digest();
    this.ttlHours = config.IDEMPOTENCY_TTL_HOURS;
  }

  /** What identifies "the same request" under a key. */
  requestHash(dossierId: string): string {
    return createHash('sha256')
      .update(JSON.stringify({ action: 'submit', dossierId }))
      .digest('hex');
  }

  /** The answer to replay, null when the key is new (or expired), 409 when it served another request. */
  async find(
    accountId: string,
    key: string,
    requestHash: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SubmitResult | null> {
    const row = await kyselyOf<DB>(manager)
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'response'])
      .where('account_id', '=', accountId)
      .where('key', '=', key)
      .where('created_at', '>', this.expiredBefore())
      .executeTakeFirst();
    if (!row) return null;
    if (row.request_hash !== requestHash) {
      throw new DomainError(RequestErrors.idempotencyKeyReused);
    }
    const { id, code, status, sealedLookupKey } = row.response as unknown as StoredAnswer;
    // Same members in the same order as the first answer: a replay is byte-identical.
    return { id, code, lookupKey: this.open(sealedLookupKey), status };
  }

  /**
   * Records the answer in the submit's transaction, in one statement: an expired row under the
   * key is replaced, a live one (a concurrent submit that won) throws KeyTakenError.
   */
  async record(
    manager: EntityManager,
    accountId: string,
    key: string,
    requestHash: string,
    result: SubmitResult,
  ): Promise<void> {
    const { lookupKey, ...answer } = result;
    const stored: StoredAnswer = { ...answer, sealedLookupKey: this.seal(lookupKey) };
    const recorded = await kyselyOf<DB>(manager)
      .insertInto('idempotency_keys')
      .values({
        account_id: accountId,
        key,
        request_hash: requestHash,
        response: JSON.stringify(stored),
      })
      .onConflict((oc) =>
        oc
          .columns(['account_id', 'key'])
          .doUpdateSet((eb) => ({
            request_hash: eb.ref('excluded.request_hash'),
            response: eb.ref('excluded.response'),
            created_at: sql<Date>`now()`,
          }))
          .where('idempotency_keys.created_at', '<=', this.expiredBefore()),
      )
      .returning('key')
      .executeTakeFirst();
    if (!recorded) throw new KeyTakenError(key);
  }

  /** Keys recorded before this instant have expired (the database's clock, as the rows'). */
  private expiredBefore() {
    return sql<Date>`now() - make_interval(hours => ${this.ttlHours})`;
  }

  private seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  private open(sealed: string): string {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}

/** The key is recorded already, and not expired: a concurrent submit under the same key won. */
export class KeyTakenError extends Error {}

/** A submit under the same key won the race (the record's check, or the primary key itself). */
export function isKeyTaken(err: unknown): boolean {
  if (err instanceof KeyTakenError) return true;
  const e = err as { code?: string; constraint?: string };
  return e?.code === '23505' && e.constraint === 'idempotency_keys_pkey';
}
