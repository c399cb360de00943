/**
 * What the portal checks before sending a file, mirroring document-storage (docs/design.md §6):
 * the size cap and the allow-list by the file's first bytes, not by its name or the browser's
 * guess. The server checks again and has the last word (its cap may be set lower).
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export const ACCEPTED_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png', '.docx', '.xlsx', '.xml'];

export type FileKind = 'pdf' | 'jpeg' | 'png' | 'office' | 'xml';

export type FileCheck =
  { ok: true; kind: FileKind } | { ok: false; reason: 'empty' | 'too-large' | 'type' };

export function kindOfBytes(head: Uint8Array): FileKind | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf'; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'office'; // ZIP container: DOCX, XLSX
  const text = new TextDecoder('utf-8', { fatal: false })
    .decode(head.subarray(0, 16))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('<?xml') || text.startsWith('<')) return 'xml';
  return null;
}

export async function checkFile(file: Blob, maxBytes = MAX_FILE_BYTES): Promise<FileCheck> {
  if (file.size === 0) return { ok: false, reason: 'empty' };
  if (file.size > maxBytes) return { ok: false, reason: 'too-large' };
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const kind = kindOfBytes(head);
  return kind ? { ok: true, kind } : { ok: false, reason: 'type' };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace('.', ',')} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}
