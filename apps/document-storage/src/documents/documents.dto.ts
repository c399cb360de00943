import type {
  PersonalDocumentSource,
  PersonalDocumentType,
  PersonalDocumentView,
} from '@dvc/contracts';

/** A document joined with its file. */
export interface DocumentRow {
  id: string;
  type: PersonalDocumentType;
  title: string;
  number: string | null;
  /** `date` read as text (YYYY-MM-DD), so no time zone shifts it. */
  issued_at: string | null;
  created_at: Date;
  source: PersonalDocumentSource;
  dossier_code: string | null;
  file_id: string;
  file_name: string;
  content_type: string;
  size: string;
  sha256: string;
}

export function mapPersonalDocumentView(row: DocumentRow): PersonalDocumentView {
  return {
    id: row.id,
    fileId: row.file_id,
    type: row.type,
    title: row.title,
    number: row.number,
    issuedAt: row.issued_at,
    source: row.source,
    dossierCode: row.dossier_code,
    file: {
      fileName: row.file_name,
      contentType: row.content_type,
      size: Number(row.size),
      sha256: row.sha256,
    },
    createdAt: row.created_at.toISOString(),
  };
}
