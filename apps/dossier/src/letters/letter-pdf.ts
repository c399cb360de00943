import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';

const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** DejaVu Sans covers every Vietnamese letter with its diacritics (the standard PDF fonts do not). */
let fonts: { regular: Buffer; bold: Buffer; italic: Buffer } | null = null;
function loadFonts() {
  fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
    italic: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf')),
  };
  return fonts;
}

/** `HH:mm ngày dd/MM/yyyy`, in Vietnam's time (UTC+7, no daylight saving). */
export function vietnamDateTime(at: Date): string {
  const t = new Date(at.getTime() + 7 * 3_600_000).toISOString();
  return `${t.slice(11, 13)} giờ ${t.slice(14, 16)} phút, ngày ${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)}`;
}

/** `ngày dd tháng MM năm yyyy`, the date line of an official letter. */
function dateLine(at: Date): string {
  const t = new Date(at.getTime() + 7 * 3_600_000).toISOString();
  return `ngày ${t.slice(8, 10)} tháng ${t.slice(5, 7)} năm ${t.slice(0, 4)}`;
}

/** One official letter: agency and national headers, title, rows, paragraphs, signature block. */
export interface Letter {
  agencyName: string;
  number: string;
  title: string;
  /** Under the title, e.g. "(Mẫu số 04 — Thông tư 01/2018/TT-VPCP)". */
  subtitle?: string;
  greeting?: string;
  rows: [string, string][];
  paragraphs: string[];
  issuedAt: Date;
  /** Who signs (a position, signed digitally for the agency). */
  signer: string;
}

/** Draws the letter as a PDF (A4) in memory; the QR code and signature are added by storage. */
export function letterPdf(letter: Letter): Promise<Buffer> {
  const { regular, bold, italic } = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: letter.title, Author: letter.agencyName, Subject: letter.number },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  doc.registerFont('italic', italic);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const half = width / 2 - 8;
  const top = doc.y;
  doc.font('bold').fontSize(10).text(letter.agencyName.toUpperCase(), left, top, {
    width: half,
    align: 'center',
  });
  doc
    .font('regular')
    .text(`Số: ${letter.number}`, left, doc.y + 4, { width: half, align: 'center' });
  const leftBottom = doc.y;
  doc.font('bold').text(NATIONAL_TITLE, left + half + 16, top, { width: half, align: 'center' });
  doc.font('bold').text(NATIONAL_MOTTO, { width: half, align: 'center' });
  doc
    .font('italic')
    .text(dateLine(letter.issuedAt), left + half + 16, doc.y + 4, { width: half, align: 'center' });
  doc.y = Math.max(doc.y, leftBottom) + 24;

  doc.font('bold').fontSize(14).text(letter.title, left, doc.y, { width, align: 'center' });
  if (letter.subtitle) {
    doc.font('italic').fontSize(9).text(letter.subtitle, { width, align: 'center' });
  }
  doc.moveDown(1.2).fontSize(11);
  if (letter.greeting)
    doc.font('regular').text(letter.greeting, left, doc.y, { width }).moveDown(0.6);

  const labelWidth = 170;
  for (const [label, value] of letter.rows) {
    const y = doc.y;
    doc.font('bold').text(`${label}:`, left, y, { width: labelWidth - 8 });
    const labelBottom = doc.y;
    doc.font('regular').text(value, left + labelWidth, y, { width: width - labelWidth });
    doc.y = Math.max(doc.y, labelBottom) + 4;
  }
  doc.moveDown(0.6);
  for (const paragraph of letter.paragraphs) {
    doc.font('regular').text(paragraph, left, doc.y, { width, align: 'justify' }).moveDown(0.5);
  }

  doc.moveDown(1.5);
  const signX = left + half + 16;
  doc
    .font('bold')
    .text(letter.signer.toUpperCase(), signX, doc.y, { width: half, align: 'center' });
  doc
    .font('italic')
    .fontSize(9)
    .text(`(Đã ký số: ${letter.agencyName})`, signX, doc.y + 2, { width: half, align: 'center' });
  doc.end();
  return done;
}
