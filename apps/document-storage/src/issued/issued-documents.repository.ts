import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { IssuedDocumentType } from '@dvc/contracts';
import { kyselyOf } from '@dvc/database';
import type { DB } from '../database/db.generated';
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
  /** For a document the caller drew: what it is of (issued once). */
  sourceKey?: string | null;
}

/** The `issued_documents` table: every signed document the portal handed out. */
@Injectable()
export class IssuedDocumentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(doc: NewIssuedDocument, manager: EntityManager): Promise<void> {
    await kyselyOf<DB>(manager)
      .insertInto('issued_documents')
      .values({
        verification_code: doc.verificationCode,
        document_type: doc.documentType,
        dossier_code: doc.dossierCode,
        agency_code: doc.agency.code,
        agency_name: doc.agency.name,
        signer: doc.signer,
        sha256: doc.sha256,
        file_id: doc.fileId,
        source_file_id: doc.sourceFileId,
        source_key: doc.sourceKey ?? null,
      })
      .execute();
  }

  find(verificationCode: string): Promise<IssuedDocumentRow | null> {
    return this.one(this.select().where('d.verification_code', '=', verificationCode));
  }

  findBySha256(sha256: string): Promise<IssuedDocumentRow | null> {
    return this.one(this.select().where('d.sha256', '=', sha256).orderBy('d.issued_at').limit(1));
  }

  /** The document already issued for an officer's result file (issuing twice gives the first). */
  findBySource(sourceFileId: string): Promise<IssuedDocumentRow | null> {
    return this.one(this.select().where('d.source_file_id', '=', sourceFileId));
  }

  /** The document already issued for `sourceKey` (a drawn document is issued once). */
  findBySourceKey(sourceKey: string): Promise<IssuedDocumentRow | null> {
    return this.one(this.select().where('d.source_key', '=', sourceKey));
  }

  private select() {
    return kyselyOf<DB>(this.dataSource.manager)
      .selectFrom('issued_documents as d')
      .innerJoin('files as f', 'f.id', 'd.file_id')
      .select([
        'd.verification_code',
        'd.document_type',
        'd.dossier_code',
        'd.agency_code',
        'd.agency_name',
        'd.signer',
        'd.sha256',
        'd.file_id',
        'f.file_name',
        'd.source_file_id',
        'd.issued_at',
      ]);
  }

  private async one(query: ReturnType<IssuedDocumentsRepository['select']>) {
    const row = await query.executeTakeFirst();
    // document_type is checked by the table to be an IssuedDocumentType.
    return row
      ? ({ ...row, document_type: row.document_type as IssuedDocumentType } as IssuedDocumentRow)
      : null;
  }
}
