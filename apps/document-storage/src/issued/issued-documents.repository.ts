import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { IssuedDocumentType } from '@dvc/contracts';
import type { IssuedDocumentRow } from './issued-documents.dto';

export interface NewIssuedDocument {
  verificationCode: string;
  documentType: IssuedDocumentType;
  dossierCode: string;
  agency: { code: string; name: string };
  signer: string;
  sha256: string;
  fileId: string;
  sourceFileId: string | null;
}

const SELECT = `SELECT d.verification_code, d.document_type, d.dossier_code, d.agency_code,
    d.agency_name, d.signer, d.sha256, d.file_id, f.file_name, d.source_file_id, d.issued_at
  FROM issued_documents d JOIN files f ON f.id = d.file_id`;

/** The `issued_documents` table: every signed document the portal handed out. */
@Injectable()
export class IssuedDocumentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(doc: NewIssuedDocument, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO issued_documents (verification_code, document_type, dossier_code, agency_code,
         agency_name, signer, sha256, file_id, source_file_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        doc.verificationCode,
        doc.documentType,
        doc.dossierCode,
        doc.agency.code,
        doc.agency.name,
        doc.signer,
        doc.sha256,
        doc.fileId,
        doc.sourceFileId,
      ],
    );
  }

  async find(verificationCode: string): Promise<IssuedDocumentRow | null> {
    return this.one(`${SELECT} WHERE d.verification_code = $1`, [verificationCode]);
  }

  async findBySha256(sha256: string): Promise<IssuedDocumentRow | null> {
    return this.one(`${SELECT} WHERE d.sha256 = $1 ORDER BY d.issued_at LIMIT 1`, [sha256]);
  }

  /** The document already issued for an officer's result file (issuing twice gives the first). */
  async findBySource(sourceFileId: string): Promise<IssuedDocumentRow | null> {
    return this.one(`${SELECT} WHERE d.source_file_id = $1`, [sourceFileId]);
  }

  private async one(sql: string, params: unknown[]): Promise<IssuedDocumentRow | null> {
    const rows: IssuedDocumentRow[] = await this.dataSource.query(sql, params);
    return rows[0] ?? null;
  }
}
