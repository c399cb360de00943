import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  AlignmentType,
  Document,
  LeaderType,
  Packer,
  Paragraph,
  TabStopPosition,
  TabStopType,
  TextRun,
} from 'docx';
import PDFDocument from 'pdfkit';
import type { FormSeed } from '../seed/seed.types';

/** A generated template file, ready to store and serve. */
export interface FormTemplateFile {
  formId: string;
  format: FormSeed['format'];
  /** Vietnamese file name offered to the citizen, e.g. `Tờ khai đăng ký khai sinh.docx`. */
  fileName: string;
  content: Buffer;
  sha256: string;
  size: number;
}

const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';
const PLACE_AND_DATE = '……………, ngày …… tháng …… năm ………';
const SIGNER = 'Người khai';
const SIGNER_NOTE = '(Ký, ghi rõ họ tên)';

/**
 * Mẫu đơn, tờ khai: prints a form template a citizen can fill in by hand (level 2): the
 * national heading, the form's name and legal reference, one dotted line per blank, and
 * the signature block. DOCX through `docx`; PDF through pdfkit with DejaVu Sans embedded,
 * since the PDF standard fonts have no Vietnamese letters.
 */
@Injectable()
export class FormTemplateGenerator {
  private fonts: { regular: Buffer; bold: Buffer } | null = null;

  async generate(form: FormSeed): Promise<FormTemplateFile> {
    const content = form.format === 'pdf' ? await this.pdf(form) : await this.docx(form);
    return {
      formId: form.id,
      format: form.format,
      fileName: `${safeFileName(form.name)}.${form.format}`,
      content,
      sha256: createHash('sha256').update(content).digest('hex'),
      size: content.length,
    };
  }

  private docx(form: FormSeed): Promise<Buffer> {
    const centred = (
      text: string,
      run: { bold?: boolean; italics?: boolean; size?: number } = {},
    ) =>
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, ...run })] });
    const blank = (label: string) =>
      new Paragraph({
        spacing: { before: 120 },
        tabStops: [
          { type: TabStopType.RIGHT, position: TabStopPosition.MAX, leader: LeaderType.DOT },
        ],
        children: [new TextRun(`${label}: \t`)],
      });
    const document = new Document({
      title: form.name,
      creator: 'Cổng Dịch vụ công',
      styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } },
      sections: [
        {
          children: [
            centred(NATIONAL_TITLE, { bold: true }),
            centred(NATIONAL_MOTTO, { bold: true }),
            new Paragraph({}),
            centred(form.name.toLocaleUpperCase('vi'), { bold: true, size: 28 }),
            ...(form.reference ? [centred(form.reference, { italics: true })] : []),
            new Paragraph({}),
            ...form.fields.map(blank),
            new Paragraph({}),
            new Paragraph({
              alignment: AlignmentType.RIGHT,
              children: [new TextRun({ text: PLACE_AND_DATE, italics: true })],
            }),
            new Paragraph({
              alignment: AlignmentType.RIGHT,
              children: [new TextRun({ text: SIGNER, bold: true })],
            }),
            new Paragraph({
              alignment: AlignmentType.RIGHT,
              children: [new TextRun({ text: SIGNER_NOTE, italics: true })],
            }),
          ],
        },
      ],
    });
    return Packer.toBuffer(document);
  }

  private pdf(form: FormSeed): Promise<Buffer> {
    const fonts = this.loadFonts();
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: form.name, Creator: 'Cổng Dịch vụ công' },
    });
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    doc.registerFont('regular', fonts.regular);
    doc.registerFont('bold', fonts.bold);
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

    doc
      .font('bold')
      .fontSize(12)
      .text(NATIONAL_TITLE, { align: 'center' })
      .text(NATIONAL_MOTTO, { align: 'center' });
    doc.moveDown(1.5).fontSize(14).text(form.name.toLocaleUpperCase('vi'), { align: 'center' });
    doc.font('regular').fontSize(11);
    if (form.reference) doc.text(form.reference, { align: 'center' });
    doc.moveDown(1.5).fontSize(12);
    const dot = doc.widthOfString('.');
    for (const field of form.fields) {
      const label = `${field}: `;
      const rest = width - doc.widthOfString(label);
      // A label too long for one line gets its dotted line underneath.
      if (rest < 20 * dot) doc.text(label).text('.'.repeat(Math.floor(width / dot) - 1));
      else doc.text(label + '.'.repeat(Math.floor(rest / dot) - 1));
      doc.moveDown(0.4);
    }
    doc.moveDown(1.5).text(PLACE_AND_DATE, { align: 'right' });
    doc
      .font('bold')
      .text(SIGNER, { align: 'right' })
      .font('regular')
      .text(SIGNER_NOTE, { align: 'right' });
    doc.end();
    return done;
  }

  private loadFonts(): { regular: Buffer; bold: Buffer } {
    this.fonts ??= {
      regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
      bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
    };
    return this.fonts;
  }
}

/** A form name usable as a file name on every OS: no path separators or reserved characters. */
function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150)
    .trim();
  return cleaned || 'mau-don';
}
