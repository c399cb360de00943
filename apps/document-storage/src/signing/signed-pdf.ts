import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import { PDFDocument, PDFPage, StandardFonts, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import type { DocumentSigner, IssuingAgency } from './document-signer';

const QR_SIZE = 72;
const MARGIN = 24;

/** What is printed on an issued document so anyone can check it. */
export interface VerificationStamp {
  code: string;
  /** `<PUBLIC_URL>/xac-thuc/<code>`, what the QR code holds. */
  url: string;
}

/**
 * The issued PDF: the QR code to the verification page with its code printed beneath, in the
 * bottom right corner of the last page, then the agency's PAdES signature (a detached CMS in
 * /Contents over the /ByteRange, i.e. every byte but the signature itself).
 */
export async function signedPdf(
  pdf: Buffer,
  stamp: VerificationStamp,
  agency: IssuingAgency,
  signer: DocumentSigner,
): Promise<Buffer> {
  const { doc, page } = await openLastPage(pdf);
  const qr = await doc.embedPng(await QRCode.toBuffer(stamp.url, { margin: 1, width: 240 }));
  const { width } = page.getSize();
  const x = width - MARGIN - QR_SIZE;
  page.drawImage(qr, { x, y: MARGIN + 12, width: QR_SIZE, height: QR_SIZE });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const text = stamp.code;
  const textWidth = font.widthOfTextAtSize(text, 8);
  page.drawText(text, {
    x: x + (QR_SIZE - textWidth) / 2,
    y: MARGIN + 2,
    size: 8,
    font,
    color: rgb(0, 0, 0),
  });
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: `Xac thuc tai ${stamp.url}`,
    contactInfo: stamp.url,
    name: await signer.signerName(agency),
    location: 'VN',
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
  });
  const withPlaceholder = Buffer.from(await doc.save({ useObjectStreams: false }));
  return new SignPdf().sign(withPlaceholder, new AgencySigner(signer, agency));
}

async function openLastPage(pdf: Buffer): Promise<{ doc: PDFDocument; page: PDFPage }> {
  try {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const page = doc.getPages().at(-1);
    if (page) return { doc, page };
  } catch (err) {
    throw new UnreadablePdfError((err as Error).message);
  }
  throw new UnreadablePdfError('the PDF has no page');
}

/** A PDF that cannot be rewritten (encrypted, broken): it cannot carry a stamp and a signature. */
export class UnreadablePdfError extends Error {}

/** Adapts a DocumentSigner to the signer @signpdf expects. */
class AgencySigner extends Signer {
  constructor(
    private readonly signer: DocumentSigner,
    private readonly agency: IssuingAgency,
  ) {
    super();
  }

  override sign(signedBytes: Buffer): Promise<Buffer> {
    return this.signer.sign(signedBytes, this.agency);
  }
}
