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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${schemaOf(q)}.issued_documents`);
  }
}
