import { createHash } from 'node:crypto';
import { DomainError } from '@clr/domain';
import { withTransaction, type Db, type Tx } from '../db/client.js';
import { isUniqueViolation, validationFailed } from '../http/problem.js';
import { IDEMPOTENCY_RETENTION_MS } from './housekeeping.js';

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** A well-formed `Idempotency-Key`: 1–255 visible ASCII characters. */
export function checkIdempotencyKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw validationFailed(
      [{ path: 'Idempotency-Key', message: "La clé d'idempotence doit compter de 1 à 255 caractères visibles." }],
      "L'en-tête Idempotency-Key n'est pas valide.",
    );
  }
  return key;
}

export function fingerprint(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

const reused = () =>
  new DomainError('conflict', "Cette clé d'idempotence a déjà servi pour une autre demande.", { field: 'Idempotency-Key' });

async function replay(db: Db, spaceId: string, key: string, hash: string, now: Date): Promise<StoredResponse | undefined> {
  const row = await db.idempotencyKey.findUnique({ where: { spaceId_key: { spaceId, key } } });
  if (!row) return undefined;
  if (now.getTime() - row.createdAt.getTime() >= IDEMPOTENCY_RETENTION_MS) {
    // Forgotten after a day: the key may serve again.
    await db.idempotencyKey.deleteMany({ where: { id: row.id } });
    return undefined;
  }
  if (row.requestHash !== hash) throw reused();
  return { status: row.status, body: JSON.parse(row.body) as unknown };
}



/**
 * Runs a creating request at most once per `(space, Idempotency-Key)`: the
 * first response is stored in the same transaction as what it created, and a
 * retry with the same key and body gets it back (`replayed: true`). The same
 * key with another body is a 409 `conflict`. Keys are kept a day. Two concurrent first attempts:
 * the unique key lets one commit, the other rolls back and replays it.
 */
export async function idempotent(
  db: Db,
  spaceId: string,
  key: string | undefined,
  request: unknown,
  work: (tx: Tx) => Promise<StoredResponse>,
  now: Date,
): Promise<StoredResponse & { replayed: boolean }> {
  if (key === undefined) return { ...(await withTransaction(db, work)), replayed: false };
  const hash = fingerprint(request);
  const earlier = await replay(db, spaceId, key, hash, now);
  if (earlier) return { ...earlier, replayed: true };
  try {
    const response = await withTransaction(db, async (tx) => {
      const result = await work(tx);
      await tx.idempotencyKey.create({
        data: { spaceId, key, requestHash: hash, status: result.status, body: JSON.stringify(result.body), createdAt: now },
      });
      return result;
    });
    return { ...response, replayed: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await replay(db, spaceId, key, hash, now);
    if (!winner) throw error;
    return { ...winner, replayed: true };
  }
}
