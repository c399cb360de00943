import { ConflictError } from '@dvc/contracts';

/** What one account's wallet (giấy tờ cá nhân) holds, and may hold. */
export interface WalletUsage {
  documents: number;
  bytes: number;
}

export interface WalletQuota {
  maxDocuments: number;
  maxBytes: number;
}

/** 409 `document.wallet_full` when adding a file of `size` bytes would pass either limit. */
export function assertWalletRoom(usage: WalletUsage, size: number, quota: WalletQuota): void {
  const full = usage.documents + 1 > quota.maxDocuments;
  if (!full && usage.bytes + size <= quota.maxBytes) return;
  const detail = full
    ? `Kho giấy tờ cá nhân đã đủ ${quota.maxDocuments} giấy tờ: hãy xoá bớt giấy tờ không dùng.`
    : `Kho giấy tờ cá nhân không còn đủ dung lượng (tối đa ${formatMiB(quota.maxBytes)}): hãy xoá bớt giấy tờ không dùng.`;
  throw new ConflictError('document.wallet_full', detail, {
    maxDocuments: quota.maxDocuments,
    maxBytes: quota.maxBytes,
    usedDocuments: usage.documents,
    usedBytes: usage.bytes,
  });
}

function formatMiB(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
