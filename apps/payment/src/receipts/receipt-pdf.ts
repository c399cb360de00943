import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { formatVnpDate } from '../provider/vnpay/vnpay-dates';
import { paymentMethod } from '../payments/payment-methods';
import { amountInWords, formatVnd } from './amount-in-words';
import type { ReceiptData } from './receipts.repository';

const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** DejaVu Sans covers every Vietnamese letter with its diacritics (the standard PDF fonts do not). */
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

/** `HH:mm:ss dd/MM/yyyy (GMT+7)`, the way Vietnamese receipts print a time. */
export function vietnamTime(at: Date): string {
  const t = formatVnpDate(at);
  return `${t.slice(8, 10)}:${t.slice(10, 12)}:${t.slice(12, 14)} ${t.slice(6, 8)}/${t.slice(4, 6)}/${t.slice(0, 4)} (GMT+7)`;
}

/**
 * The receipt (biên lai thanh toán trực tuyến) as a PDF stream: payer, dossier code,
 * procedure, amount in figures and words, the provider's transaction number and time.
 * Written as it is read, never held whole in memory.
 */
export function receiptPdf(
  receipt: ReceiptData,
  options: { compress?: boolean } = {},
): PDFKit.PDFDocument {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'A5',
    layout: 'landscape',
    margin: 36,
    compress: options.compress ?? true,
    info: {
      Title: `Biên lai ${receipt.receiptNumber}`,
      Author: 'Cổng Dịch vụ công',
      Subject: `Thanh toán lệ phí hồ sơ ${receipt.dossierCode}`,
    },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);

  doc.font('bold').fontSize(10).text(NATIONAL_TITLE, { align: 'center' });
  doc.font('regular').text(NATIONAL_MOTTO, { align: 'center' });
  doc.moveDown(0.8).font('bold').fontSize(14).text('BIÊN LAI THANH TOÁN TRỰC TUYẾN', {
    align: 'center',
  });
  doc.font('regular').fontSize(10).text(`Số: ${receipt.receiptNumber}`, { align: 'center' });
  doc.moveDown(0.8);

  const method = receipt.method ? paymentMethod(receipt.method)?.name : null;
  const rows: [string, string][] = [
    ['Người nộp', receipt.payerName ?? '—'],
    ['Mã hồ sơ', receipt.dossierCode],
    ['Thủ tục', receipt.procedureName],
    ['Cơ quan giải quyết', receipt.agencyName ?? receipt.agencyCode],
    ['Nội dung', receipt.description],
    ['Số tiền', `${formatVnd(receipt.amount)} đồng`],
    ['Bằng chữ', amountInWords(receipt.amount)],
    ['Hình thức', method ? `VNPAY — ${method}` : 'VNPAY'],
    ['Mã giao dịch', receipt.transactionNo],
    ['Mã tham chiếu', receipt.txnRef],
    ['Thời gian thanh toán', vietnamTime(receipt.paidAt)],
  ];
  const labelWidth = 130;
  const left = doc.page.margins.left;
  const valueWidth = doc.page.width - left - doc.page.margins.right - labelWidth;
  doc.fontSize(10);
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font('bold').text(`${label}:`, left, y, { width: labelWidth - 8 });
    const labelBottom = doc.y;
    doc.font('regular').text(value, left + labelWidth, y, { width: valueWidth });
    doc.y = Math.max(doc.y, labelBottom);
    doc.moveDown(0.3);
  }
  doc
    .moveDown(1)
    .fontSize(8)
    .fillColor('#555555')
    .text(
      `Biên lai điện tử do Cổng Dịch vụ công lập lúc ${vietnamTime(receipt.issuedAt)}; ` +
        'có giá trị xác nhận việc nộp phí, lệ phí của hồ sơ nêu trên.',
      left,
      doc.y,
      { align: 'left' },
    );
  doc.end();
  return doc;
}
