import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

/**
 * File metadata (the bytes are in the object store under `clean/<id>`) and the personal
 * document wallet (giấy tờ cá nhân). A rejected upload keeps its row, with the scanner's
 * verdict, and no object.
 */
export class StorageSchema1732800000000 implements MigrationInterface {
  name = 'StorageSchema1732800000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE TABLE ${s}.files (
      id uuid PRIMARY KEY,
      owner_id uuid NOT NULL,
      purpose text NOT NULL CHECK (purpose IN ('wallet', 'attachment', 'result')),
      file_name text NOT NULL,
      content_type text NOT NULL,
      size bigint NOT NULL CHECK (size > 0),
      sha256 char(64) NOT NULL,
      status text NOT NULL CHECK (status IN ('clean', 'infected', 'deleted')),
      -- why an upload was refused by the scanner: 'infected' or 'unscannable'
      rejection_reason text CHECK (rejection_reason IN ('infected', 'unscannable')),
      signature text,
      -- the file this one is a server-side copy of (wallet document → dossier attachment)
      copied_from uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      -- set by the dossier service once the attachment belongs to a dossier
      claimed_at timestamptz,
      deleted_at timestamptz,
      -- when the object of a deleted file was removed from the store
      purged_at timestamptz,
      CHECK ((status = 'deleted') = (deleted_at IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX files_owner ON ${s}.files (owner_id, created_at)`);
    await q.query(
      `CREATE INDEX files_unclaimed ON ${s}.files (created_at)
        WHERE status = 'clean' AND claimed_at IS NULL AND purpose IN ('attachment', 'wallet')`,
    );
    await q.query(
      `CREATE INDEX files_unpurged ON ${s}.files (deleted_at) WHERE status = 'deleted' AND purged_at IS NULL`,
    );

    await q.query(`CREATE TABLE ${s}.documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_id uuid NOT NULL,
      type text NOT NULL
        CHECK (type IN ('id-card', 'birth-certificate', 'household-registration', 'degree', 'other')),
      title text NOT NULL,
      number text,
      issued_at date,
      file_id uuid NOT NULL REFERENCES ${s}.files (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz
    )`);
    await q.query(
      `CREATE INDEX documents_owner ON ${s}.documents (owner_id, created_at DESC) WHERE deleted_at IS NULL`,
    );
    // One wallet document per stored file.
    await q.query(
      `CREATE UNIQUE INDEX documents_file ON ${s}.documents (file_id) WHERE deleted_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE ${s}.documents`);
    await q.query(`DROP TABLE ${s}.files`);
  }
}
