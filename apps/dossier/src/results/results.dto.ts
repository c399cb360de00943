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
}

export type NewResultFile = Omit<ResultFile, 'createdAt'>;

/** The citizen's download route of the gateway (`GET /dossiers/:id/results/:fileId`). */
export function resultDownloadUrl(dossierId: string, fileId: string): string {
  return `/api/v1/dossiers/${dossierId}/results/${fileId}`;
}

export function mapResultFileView(dossierId: string, r: ResultFile): ResultFileView {
  return {
    fileId: r.fileId,
    fileName: r.fileName,
    contentType: r.contentType,
    size: r.size,
    downloadUrl: resultDownloadUrl(dossierId, r.fileId),
  };
}
