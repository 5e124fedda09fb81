/**
 * Who may call, as the database says it: the tables a session, an API key or
 * an embed token is checked against. The server caches those checks for a
 * moment (http/identity-cache.ts); every write to one of these tables made
 * through a client of this process ends the cached answers at once (a logout,
 * a password change or reset, a revoked key, an origin removed, a deleted
 * administrator or space), so a cache never outlives a revocation made here.
 */
const CREDENTIAL_TABLES = /\b(AuthSession|Admin|ApiKey|Space)\b/;
const WRITE = /^\s*(INSERT|UPDATE|DELETE|REPLACE|WITH)\b/i;

/** Does this statement write one of the tables the identity checks read? */
export function writesCredentials(sql: string): boolean {
  return WRITE.test(sql) && CREDENTIAL_TABLES.test(sql);
}

/**
 * A generation number that moves on every write to the credential tables
 * (at the statement, and again when its transaction ends: a check that read
 * the old rows in between is not kept). A cached answer is good only for the
 * generation it was read in.
 */
export class CredentialWrites {
  #generation = 0;

  get generation(): number {
    return this.#generation;
  }

  bump(): void {
    this.#generation += 1;
  }
}
