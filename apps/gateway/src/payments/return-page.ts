import type { PaymentReturnView, PaymentStatus } from '@dvc/contracts';

const STATUS_LABELS: Record<PaymentStatus, string> = {
  created: 'Chưa thanh toán',
  started: 'Đang chờ xác nhận',
  success: 'Đã thanh toán',
  failed: 'Không thành công',
  cancelled: 'Đã hủy',
  expired: 'Hết hạn',
  error: 'Đang kiểm tra',
};

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** The small page a browser sees after paying: the message and the payment as we have it. */
export function returnPage(view: PaymentReturnView): string {
  const p = view.payment;
  const rows: [string, string][] = p
    ? [
        ['Mã hồ sơ', p.dossierCode],
        ['Số tiền', `${String(p.amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`],
        ['Trạng thái', STATUS_LABELS[p.status]],
        ...(p.receiptNumber ? ([['Biên lai', p.receiptNumber]] as [string, string][]) : []),
      ]
    : [];
  const link = p ? `/giao-dich/${encodeURIComponent(p.id)}` : '/giao-dich';
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Kết quả thanh toán</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.4rem 1rem}dd{margin:0;font-weight:600}</style>
</head><body>
<h1>Kết quả thanh toán</h1>
<p>${escapeHtml(view.message)}</p>
<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
<p><a href="${escapeHtml(link)}">Về mục Giao dịch</a></p>
</body></html>`;
}
