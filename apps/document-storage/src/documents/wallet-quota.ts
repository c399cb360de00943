import { DomainError, StorageErrors } from '@dvc/contracts';

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
  if (usage.documents + 1 <= quota.maxDocuments && usage.bytes + size <= quota.maxBytes) return;
  throw new DomainError(StorageErrors.walletFull, {
    params: { maxDocuments: quota.maxDocuments, maxSize: formatMiB(quota.maxBytes) },
    extra: {
      maxDocuments: quota.maxDocuments,
      maxBytes: quota.maxBytes,
      usedDocuments: usage.documents,
      usedBytes: usage.bytes,
    },
  });
}

function formatMiB(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
