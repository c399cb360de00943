/** Small JSON-over-HTTP client for journeys through the gateway. */
export interface Reply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export function api(baseUrl: string) {
  return async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: {
      body?: unknown;
      token?: string;
      headers?: Record<string, string>;
      raw?: string;
    } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined || options.raw !== undefined)
      headers['content-type'] ??= 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers,
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      // not JSON (a file): keep the text
    }
    return { status: response.status, headers: response.headers, body: body as T };
  };
}

/** A file to send in a multipart form. */
export interface UploadFile {
  name: string;
  bytes: Buffer;
  type?: string;
}

/** POSTs a multipart form: the text fields first, then `file`. */
export function uploader(baseUrl: string) {
  return async function upload<T = Record<string, unknown>>(
    path: string,
    fields: Record<string, string>,
    file: UploadFile | null,
    token: string,
  ): Promise<Reply<T>> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    if (file)
      form.append(
        'file',
        new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }),
        file.name,
      );
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {}, // '' for a public route
      body: form,
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      // not JSON
    }
    return { status: response.status, headers: response.headers, body: body as T };
  };
}

/** Small real-looking files for uploads. */
export const files = {
  pdf: (label: string): UploadFile => ({
    name: `${label}.pdf`,
    type: 'application/pdf',
    bytes: Buffer.from(
      `%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    ),
  }),
  eicarPdf: (): UploadFile => ({
    name: 'virus.pdf',
    type: 'application/pdf',
    bytes: Buffer.from(
      '%PDF-1.4\nX5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*\n%%EOF\n',
    ),
  }),
  exeAsPdf: (): UploadFile => ({
    name: 'invoice.pdf',
    type: 'application/pdf',
    bytes: Buffer.concat([
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'),
      Buffer.alloc(512, 0x41),
    ]),
  }),
  empty: (): UploadFile => ({ name: 'empty.pdf', type: 'application/pdf', bytes: Buffer.alloc(0) }),
  largePdf: (bytes: number): UploadFile => ({
    name: 'large.pdf',
    type: 'application/pdf',
    bytes: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(bytes, 0x20)]),
  }),
};
