import type { IssuedDocumentType, IssuedDocumentView, VerificationView } from '@dvc/contracts';

export interface IssuedDocumentRow {
  verification_code: string;
  document_type: IssuedDocumentType;
  dossier_code: string;
  agency_code: string;
  agency_name: string;
  signer: string;
  sha256: string;
  file_id: string;
  file_name: string;
  source_file_id: string | null;
  issued_at: Date;
}

export function mapIssuedDocumentView(row: IssuedDocumentRow): IssuedDocumentView {
  return {
    verificationCode: row.verification_code,
    documentType: row.document_type,
    fileId: row.file_id,
    fileName: row.file_name,
    sha256: row.sha256,
    issuedAt: row.issued_at.toISOString(),
  };
}

export function mapVerificationView(row: IssuedDocumentRow, valid: boolean): VerificationView {
  return {
    documentType: row.document_type,
    dossierCode: row.dossier_code,
    agency: { code: row.agency_code, name: row.agency_name },
    issuedAt: row.issued_at.toISOString(),
    sha256: row.sha256,
    signer: row.signer,
    valid,
    verificationCode: row.verification_code,
  };
}
