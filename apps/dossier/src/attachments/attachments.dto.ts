import type { AttachmentView } from '@dvc/contracts';

/** A file in a component slot of a dossier (thành phần hồ sơ). */
export interface Attachment {
  id: string;
  dossierId: string;
  componentId: string;
  fileId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  source: 'upload' | 'wallet';
  /** Added while answering a supplement request. */
  supplement: boolean;
  createdAt: Date;
}

export type NewAttachment = Omit<Attachment, 'createdAt'>;

export function mapAttachmentView(a: Attachment): AttachmentView {
  return {
    id: a.id,
    componentId: a.componentId,
    fileId: a.fileId,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    source: a.source,
    supplement: a.supplement,
    createdAt: a.createdAt.toISOString(),
  };
}
