import { SIMULATOR_PAY_PATH } from '../payment.config';
import { parseVnpDate } from '../provider/vnpay/vnpay-dates';
import { amountFromVnp } from '../provider/vnpay/vnpay.provider';
import { formatVnd } from '../receipts/amount-in-words';
import { vietnamTime } from '../receipts/receipt-pdf';
import type { SimulatedMerchant } from './simulator.service';
import type { SimulatedTransaction } from './simulator-store';

/** The pages of the simulated provider: served to the browser, so no script and little style. */
export const SIMULATOR_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const STYLE = `body{font-family:system-ui,sans-serif;background:#f3f5f9;margin:0;padding:2rem}
main{max-width:32rem;margin:auto;background:#fff;border-radius:8px;padding:1.5rem 2rem;box-shadow:0 1px 4px #0002}
h1{font-size:1.25rem;color:#005baa}.note{color:#a15c00;font-size:.9rem}
dl{display:grid;grid-template-columns:auto 1fr;gap:.4rem 1rem}dt{color:#555}dd{margin:0;font-weight:600}
form{display:flex;gap:1rem;margin-top:1.5rem}button{flex:1;padding:.7rem;font-size:1rem;border-radius:6px;border:1px solid #005baa;cursor:pointer}
button[value=pay]{background:#005baa;color:#fff}button[value=cancel]{background:#fff;color:#005baa}`;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

/** Merchant, amount and order information with the two buttons ("Thanh toán", "Hủy"). */
export function paymentPage(
  merchant: SimulatedMerchant,
  transaction: SimulatedTransaction,
  payload: string,
): string {
  const expires = parseVnpDate(transaction.expireDate);
  const rows: [string, string][] = [
    ['Đơn vị chấp nhận thanh toán', `${merchant.name} (${merchant.tmnCode})`],
    ['Số tiền', `${formatVnd(amountFromVnp(transaction.amount) ?? 0)} VND`],
    ['Nội dung thanh toán', transaction.orderInfo],
    ['Mã tham chiếu', transaction.txnRef],
    ['Phương thức', transaction.bankCode ?? 'Chọn tại cổng thanh toán'],
    ['Hết hạn lúc', expires ? vietnamTime(expires) : '—'],
  ];
  return page(
    'Cổng thanh toán (mô phỏng)',
    `<h1>Cổng thanh toán VNPAY — môi trường mô phỏng</h1>
<p class="note">Trang mô phỏng dành cho phát triển và kiểm thử: không có tiền thật được chuyển.</p>
<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
<form method="post" action="${SIMULATOR_PAY_PATH}">
<input type="hidden" name="payload" value="${escapeHtml(payload)}">
<button type="submit" name="action" value="pay">Thanh toán</button>
<button type="submit" name="action" value="cancel">Hủy</button>
</form>`,
  );
}

export function errorPage(message: string): string {
  return page(
    'Không thể thanh toán',
    `<h1>Không thể thực hiện giao dịch</h1><p>${escapeHtml(message)}</p>`,
  );
}
