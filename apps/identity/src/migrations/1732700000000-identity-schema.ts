import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

/**
 * Accounts, officers' agency membership, sessions (refresh-token families), refresh tokens
 * and email tokens. Tokens are stored only as SHA-256 hex digests.
 */
export class IdentitySchema1732700000000 implements MigrationInterface {
  name = 'IdentitySchema1732700000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE TABLE ${s}.accounts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL CHECK (email = lower(btrim(email)) AND length(email) <= 254),
      password_hash text NOT NULL,
      full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
      phone text,
      id_number text,
      locale text NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi', 'en')),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'locked')),
      roles text[] NOT NULL DEFAULT '{citizen}'
        CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['citizen', 'officer', 'admin']::text[]),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      activated_at timestamptz,
      password_changed_at timestamptz NOT NULL DEFAULT now()
    )`);
    // Case-insensitive uniqueness, whatever a future writer forgets to normalise.
    await q.query(`CREATE UNIQUE INDEX accounts_email_unique ON ${s}.accounts (lower(email))`);

    await q.query(`CREATE TABLE ${s}.account_agencies (
      account_id uuid NOT NULL REFERENCES ${s}.accounts (id) ON DELETE CASCADE,
      agency_code text NOT NULL CHECK (length(agency_code) BETWEEN 1 AND 64),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (account_id, agency_code)
    )`);
    await q.query(`CREATE INDEX account_agencies_agency ON ${s}.account_agencies (agency_code)`);

    await q.query(`CREATE TABLE ${s}.sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      account_id uuid NOT NULL REFERENCES ${s}.accounts (id) ON DELETE CASCADE,
      ip text,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      revoked_reason text
        CHECK (revoked_reason IN ('logout', 'refresh_reuse', 'password_change', 'password_reset', 'account_locked')),
      CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
    )`);
    await q.query(
      `CREATE INDEX sessions_live ON ${s}.sessions (account_id) WHERE revoked_at IS NULL`,
    );

    await q.query(`CREATE TABLE ${s}.refresh_tokens (
      token_hash char(64) PRIMARY KEY,
      session_id uuid NOT NULL REFERENCES ${s}.sessions (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    )`);
    await q.query(`CREATE INDEX refresh_tokens_session ON ${s}.refresh_tokens (session_id)`);

    await q.query(`CREATE TABLE ${s}.email_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      account_id uuid NOT NULL REFERENCES ${s}.accounts (id) ON DELETE CASCADE,
      purpose text NOT NULL CHECK (purpose IN ('activation', 'reset')),
      token_hash char(64) NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    )`);
    await q.query(
      `CREATE INDEX email_tokens_unused ON ${s}.email_tokens (account_id, purpose) WHERE used_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE ${s}.email_tokens`);
    await q.query(`DROP TABLE ${s}.refresh_tokens`);
    await q.query(`DROP TABLE ${s}.sessions`);
    await q.query(`DROP TABLE ${s}.account_agencies`);
    await q.query(`DROP TABLE ${s}.accounts`);
  }
}
