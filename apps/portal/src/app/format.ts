import dayjs from 'dayjs';

/** Dates as Vietnamese readers write them: 26/11/2026, 14:05 26/11/2026. */
export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format('DD/MM/YYYY') : '—';
}

export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('HH:mm DD/MM/YYYY') : '—';
}

/** VND amounts: 135.000 ₫ (vi) / ₫135,000 (en). */
export function formatMoney(amount: number | null | undefined, language: string): string {
  if (amount === null || amount === undefined) return '—';
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN', {
    style: 'currency',
    currency: 'VND',
    maximumFractionDigits: 0,
  }).format(amount);
}
