import type { SubmitResult } from '../api/views';

/**
 * What the wizard keeps in this tab's sessionStorage: typed-but-unsaved form data (so a
 * session that expires mid-form loses nothing), the submit's idempotency key (a retried
 * "Nộp hồ sơ" is the same submission) and the receipt (the lookup key is shown only once).
 */
const key = (kind: 'form' | 'submit' | 'receipt', dossierId: string) => `dvc.${kind}.${dossierId}`;

function read<T>(name: string): T | null {
  try {
    const text = sessionStorage.getItem(name);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

function write(name: string, value: unknown): void {
  try {
    sessionStorage.setItem(name, JSON.stringify(value));
  } catch {
    // storage full or disabled: the server copy is still there
  }
}

export const draftStorage = {
  unsavedForm: (id: string) => read<Record<string, unknown>>(key('form', id)),
  keepForm: (id: string, data: Record<string, unknown>) => write(key('form', id), data),
  forgetForm: (id: string) => sessionStorage.removeItem(key('form', id)),
  submitKey(id: string): string {
    const existing = read<string>(key('submit', id));
    if (existing) return existing;
    const created = crypto.randomUUID();
    write(key('submit', id), created);
    return created;
  },
  receipt: (id: string) => read<SubmitResult>(key('receipt', id)),
  keepReceipt: (id: string, result: SubmitResult) => write(key('receipt', id), result),
};
