/** VNPay dates: `yyyyMMddHHmmss` in Vietnam time (GMT+7, no daylight saving). */
const OFFSET_MS = 7 * 60 * 60 * 1000;

export function formatVnpDate(date: Date): string {
  return new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 19).replace(/[-T:]/g, '');
}

/** The instant, or null when the text is not a real `yyyyMMddHHmmss` date. */
export function parseVnpDate(text: string | undefined): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text ?? '');
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second) - OFFSET_MS);
  // 20260231… rolls over into March: refuse instead.
  return formatVnpDate(date) === text ? date : null;
}
