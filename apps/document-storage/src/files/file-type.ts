/**
 * The allow-list of docs/design.md §6, decided from the bytes only: the client's content type
 * and the file name's extension are never trusted.
 */
export type FileKind = 'pdf' | 'jpeg' | 'png' | 'docx' | 'xlsx' | 'signed-xml';

/** What the first bytes say; `zip` and `xml` still need the rest of the file to decide. */
export type SniffedKind = 'pdf' | 'jpeg' | 'png' | 'zip' | 'xml';

export const CONTENT_TYPES: Record<FileKind, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'signed-xml': 'application/xml',
};

const MAGIC: { kind: SniffedKind; bytes: Buffer }[] = [
  { kind: 'pdf', bytes: Buffer.from('%PDF-', 'latin1') },
  { kind: 'jpeg', bytes: Buffer.from([0xff, 0xd8, 0xff]) },
  { kind: 'png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  // OOXML (DOCX, XLSX) is a ZIP that starts with a local file header.
  { kind: 'zip', bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04]) },
  { kind: 'xml', bytes: Buffer.from('<?xml', 'latin1') },
];

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Bytes needed to tell every kind apart (the PNG signature plus a UTF-8 BOM before `<?xml`). */
export const SNIFF_BYTES = 8;

/** The kind the first bytes of a file announce, or null when it is not on the allow-list. */
export function sniffKind(head: Buffer): SniffedKind | null {
  const body = head.subarray(0, UTF8_BOM.length).equals(UTF8_BOM) ? head.subarray(3) : head;
  for (const { kind, bytes } of MAGIC) {
    // Only XML may follow a byte-order mark.
    const candidate = kind === 'xml' ? body : head;
    if (candidate.length >= bytes.length && candidate.subarray(0, bytes.length).equals(bytes)) {
      return kind;
    }
  }
  return null;
}

/**
 * The signature element of an XML-DSig signed document, with or without a namespace prefix
 * (`<Signature …>`, `<ds:Signature>`), but not `<SignatureValue>` and the like.
 */
const XML_SIGNATURE = /<(?:[A-Za-z_][\w.-]*:)?Signature[\s>/]/;

/** Longest match of XML_SIGNATURE worth keeping across a chunk boundary. */
const XML_CARRY = 128;

/** Watches a streamed XML document for a signature element, across chunk boundaries. */
export class XmlSignatureDetector {
  private tail = '';
  private seen = false;

  get found(): boolean {
    return this.seen;
  }

  update(chunk: Buffer): void {
    if (this.seen) return;
    // latin1 maps every byte to one character, so the markup (ASCII) is found whatever the encoding.
    const text = this.tail + chunk.toString('latin1');
    this.seen = XML_SIGNATURE.test(text);
    this.tail = text.slice(-XML_CARRY);
  }
}
