import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

/**
 * Signed documents the portal issued: what a verification answers from, by code (the QR) or
 * by the SHA-256 of an uploaded copy.
 */
export class IssuedDocuments1765200000000 implements MigrationInterface {
  name = 'IssuedDocuments1765200000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE TABLE ${s}.issued_documents (
      verification_code text PRIMARY KEY,
      document_type text NOT NULL
        CHECK (document_type IN ('result', 'dossier-receipt', 'payment-receipt', 'apology')),
      dossier_code text NOT NULL,
      agency_code text NOT NULL,
      agency_name text NOT NULL,
      signer text NOT NULL,
      sha256 char(64) NOT NULL,
      file_id uuid NOT NULL REFERENCES ${s}.files (id),
      source_file_id uuid REFERENCES ${s}.files (id),
      issued_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX issued_documents_sha256 ON ${s}.issued_documents (sha256)`);
    await q.query(
      `CREATE UNIQUE INDEX issued_documents_source ON ${s}.issued_documents (source_file_id)`,
    );
    // A delivered e-result lands in the citizen's wallet, once per issued document.
    await q.query(`ALTER TABLE ${s}.documents
      ADD COLUMN source text NOT NULL DEFAULT 'upload' CHECK (source IN ('upload', 'result')),
      ADD COLUMN dossier_code text,
      ADD COLUMN issued_file_id uuid`);
    await q.query(`CREATE UNIQUE INDEX documents_issued_file ON ${s}.documents
      (owner_id, issued_file_id) WHERE issued_file_id IS NOT NULL AND deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE ${s}.documents
      DROP COLUMN source, DROP COLUMN dossier_code, DROP COLUMN issued_file_id`);
    await q.query(`DROP TABLE ${s}.issued_documents`);
  }
}
