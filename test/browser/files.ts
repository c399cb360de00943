/** Files a person would pick in the browser's file dialog (name, type, bytes). */
export interface PickedFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export const pdf = (label: string): PickedFile => ({
  name: `${label}.pdf`,
  mimeType: 'application/pdf',
  buffer: Buffer.from(
    `%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  ),
});

/** A Windows program renamed to .pdf: refused by the portal before any byte is sent. */
export const exeAsPdf = (): PickedFile => ({
  name: 'hoa-don.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.concat([
    Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'),
    Buffer.alloc(512, 0x41),
  ]),
});

/** A real PDF over the stack's cap (MAX_FILE_BYTES): refused by the server after the upload. */
export const largePdf = (bytes: number): PickedFile => ({
  name: 'ban-scan-lon.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(bytes, 0x20)]),
});
