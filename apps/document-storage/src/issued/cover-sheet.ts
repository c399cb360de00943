import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';

export interface CoverSheet {
  fileName: string;
  size: number;
  sha256: string;
  dossierCode: string;
  agencyName: string;
}

/**
 * Trang bìa kết quả: an officer's result that is not a PDF (a DOCX, an XLSX…) is handed out
 * as it is, with this signed page naming it and its SHA-256, so the pair can be checked.
 */
export async function coverSheetPdf(sheet: CoverSheet): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `Trang bìa kết quả hồ sơ ${sheet.dossierCode}`, Author: sheet.agencyName },
  });
  doc.registerFont('regular', font('DejaVuSans.ttf'));
  doc.registerFont('bold', font('DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  doc.font('bold').fontSize(11).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center' });
  doc.font('regular').text('Độc lập - Tự do - Hạnh phúc', { align: 'center' });
  doc.moveDown(1.5).font('bold').fontSize(15).text('TRANG BÌA KẾT QUẢ GIẢI QUYẾT', {
    align: 'center',
  });
  doc.moveDown(1).font('regular').fontSize(11);
  const rows: [string, string][] = [
    ['Cơ quan giải quyết', sheet.agencyName],
    ['Mã hồ sơ', sheet.dossierCode],
    ['Tệp kết quả kèm theo', sheet.fileName],
    ['Dung lượng', `${sheet.size} byte`],
    ['Mã băm SHA-256', sheet.sha256],
  ];
  for (const [label, value] of rows) {
    doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(value);
    doc.moveDown(0.4);
  }
  doc
    .moveDown(1)
    .fontSize(9)
    .text(
      'Tệp kết quả được giữ nguyên định dạng gốc. Trang bìa này được ký số bởi cơ quan giải ' +
        'quyết; tệp kèm theo là bản chính khi mã băm SHA-256 của nó trùng với mã ghi trên đây.',
    );
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

const fonts = new Map<string, Buffer>();
function font(name: string): Buffer {
  let bytes = fonts.get(name);
  if (!bytes) {
    bytes = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`));
    fonts.set(name, bytes);
  }
  return bytes;
}
