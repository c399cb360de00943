import type { ResultFileView } from '@dvc/contracts';

/** A result document (kết quả) the officer or the agency's system uploaded for the dossier. */
export interface ResultFile {
  id: string;
  dossierId: string;
  fileId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  /** The officer's account; null when the agency's system added it (ministry command). */
  addedBy: string | null;
  createdAt: Date;
  /** Issued on `complete`: the agency-signed PDF (the result itself, or its cover sheet). */
  signed: SignedResult | null;
}

export interface SignedResult {
  fileId: string;
  fileName: string;
  verificationCode: string;
}

export type NewResultFile = Omit<ResultFile, 'createdAt' | 'signed'>;

/** The citizen's download route of the gateway (`GET /dossiers/:id/results/:fileId`). */
export function resultDownloadUrl(dossierId: string, fileId: string): string {
  return `/api/v1/dossiers/${dossierId}/results/${fileId}`;
}

/**
 * Whether the issued document is the result itself, signed: a signed copy keeps the result's
 * name, while a cover sheet (for a non-PDF, or a PDF the signer cannot rewrite) is named
 * `<name>-trang-bia.pdf`.
 */
function isSignedCopy(r: ResultFile): boolean {
  return (
    r.signed !== null && r.contentType === 'application/pdf' && r.signed.fileName === r.fileName
  );
}

/**
 * Once issued, a PDF result is handed out as its signed copy; any other result as it was
 * uploaded, with its signed cover sheet beside it.
 */
export function mapResultFileView(dossierId: string, r: ResultFile): ResultFileView {
  const signedPdf = isSignedCopy(r);
  const fileId = signedPdf ? r.signed!.fileId : r.fileId;
  return {
    fileId,
    fileName: signedPdf ? r.signed!.fileName : r.fileName,
    contentType: r.contentType,
    size: r.size,
    downloadUrl: resultDownloadUrl(dossierId, fileId),
    verificationCode: r.signed?.verificationCode ?? null,
    coverSheet:
      r.signed && !signedPdf
        ? {
            fileName: r.signed.fileName,
            downloadUrl: resultDownloadUrl(dossierId, r.signed.fileId),
          }
        : null,
  };
}
