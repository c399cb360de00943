import ExcelJS from 'exceljs';
import type { AgencyScoreFigures, OfficerScoresView, ScoreExportFormat } from '@dvc/contracts';

interface Column {
  header: string;
  value: (f: AgencyScoreFigures, period: string) => string | number | null;
  rate?: boolean;
}

/** The export's columns: each rate beside the counts it is made of. */
const COLUMNS: Column[] = [
  { header: 'Kỳ', value: (_f, period) => period },
  { header: 'Mã cơ quan', value: (f) => f.agency.code },
  { header: 'Tên cơ quan', value: (f) => f.agency.name },
  { header: 'Hồ sơ đã giải quyết', value: (f) => f.counts.dossiers },
  { header: 'Đúng hạn', value: (f) => f.counts.onTime },
  { header: 'Tỷ lệ đúng hạn', value: (f) => f.onTimeRate, rate: true },
  { header: 'Trực tuyến toàn trình', value: (f) => f.counts.fullyOnline },
  { header: 'Tỷ lệ trực tuyến', value: (f) => f.onlineShare, rate: true },
  { header: 'Hồ sơ có phí', value: (f) => f.counts.withFee },
  { header: 'Thanh toán trực tuyến', value: (f) => f.counts.paidOnline },
  { header: 'Tỷ lệ thanh toán trực tuyến', value: (f) => f.onlinePaymentShare, rate: true },
  { header: 'Hồ sơ có kết quả', value: (f) => f.counts.withResult },
  { header: 'Kết quả điện tử', value: (f) => f.counts.eResult },
  { header: 'Tỷ lệ kết quả điện tử', value: (f) => f.eResultShare, rate: true },
  { header: 'Lượt đánh giá', value: (f) => f.counts.ratings },
  { header: 'Hài lòng (4–5 sao)', value: (f) => f.counts.satisfied },
  { header: 'Tỷ lệ hài lòng', value: (f) => f.satisfaction, rate: true },
];

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** Bảng chỉ số phục vụ of the officer's agencies, as a CSV Excel opens in Vietnamese, or an XLSX. */
export async function renderScoresExport(
  view: OfficerScoresView,
  format: ScoreExportFormat,
): Promise<ExportFile> {
  const base = `chi-so-phuc-vu-${view.period}`;
  if (format === 'csv') {
    return { fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: csvOf(view) };
  }
  return {
    fileName: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await xlsxOf(view),
  };
}

/** UTF-8 with a byte-order mark, so that Excel reads the accents; CRLF as RFC 4180 says. */
function csvOf(view: OfficerScoresView): Buffer {
  const lines = [
    COLUMNS.map((c) => csvField(c.header)),
    ...view.items.map((f) => COLUMNS.map((c) => csvField(c.value(f, view.period)))),
  ].map((fields) => fields.join(','));
  return Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'),
  ]);
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // A leading =, +, - or @ would be run as a formula by a spreadsheet.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

async function xlsxOf(view: OfficerScoresView): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Cổng Dịch vụ công';
  const sheet = book.addWorksheet(`Chỉ số ${view.period}`);
  sheet.columns = COLUMNS.map((c) => ({
    header: c.header,
    width: Math.max(12, c.header.length + 2),
    style: c.rate ? { numFmt: '0.00%' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const f of view.items) sheet.addRow(COLUMNS.map((c) => c.value(f, view.period)));
  return Buffer.from(await book.xlsx.writeBuffer());
}
