import { randomUUID } from 'node:crypto';
/** What the benchmarks do as a citizen or an officer, through the gateway's public API. */

export const PROCEDURE = '3.000347'; // Đổi giấy phép lái xe: level 4, two required components
export const FORM = {
  hoTen: 'Nguyễn Văn Bình',
  ngaySinh: '1990-05-20',
  soDinhDanh: '001090012345',
  soGiayPhep: '010203040506',
  hangGiayPhep: 'B',
  ngayHetHan: '2026-12-31',
  noiCuTru: 'Số 1 Hoàng Hoa Thám, phường Ba Đình, Hà Nội',
  soDienThoai: '0912345678',
};

export class PortalClient {
  constructor(
    private readonly gateway: string,
    private readonly token: string,
  ) {}

  static async login(
    gateway: string,
    email: string,
    password = 'ChangeMe!2026',
  ): Promise<PortalClient> {
    const response = await fetch(`${gateway}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!response.ok) throw new Error(`login ${email}: ${response.status}`);
    return new PortalClient(
      gateway,
      ((await response.json()) as { accessToken: string }).accessToken,
    );
  }

  get bearer(): string {
    return `Bearer ${this.token}`;
  }

  async json<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const response = await fetch(`${this.gateway}/api/v1${path}`, {
      method,
      headers: {
        authorization: this.bearer,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async attach(dossierId: string, componentId: string, bytes: Buffer): Promise<void> {
    const form = new FormData();
    form.append('componentId', componentId);
    form.append('file', new Blob([bytes], { type: 'application/pdf' }), `${componentId}.pdf`);
    const response = await fetch(`${this.gateway}/api/v1/dossiers/${dossierId}/attachments`, {
      method: 'POST',
      headers: { authorization: this.bearer },
      body: form,
    });
    if (response.status !== 201)
      throw new Error(`attach: ${response.status} ${await response.text()}`);
  }

  /** Draft → form → the two required attachments → submit; answers the dossier id. */
  async submitDossier(attachment: Buffer): Promise<string> {
    const id = await this.prepareDraft(attachment);
    await this.submit(id);
    return id;
  }

  /** Draft → form → the two required attachments: a draft ready to submit; answers its id. */
  async prepareDraft(attachment: Buffer): Promise<string> {
    const { id } = await this.json<{ id: string }>('POST', '/dossiers', {
      procedureCode: PROCEDURE,
    });
    await this.json('PATCH', `/dossiers/${id}`, { formData: FORM, deliveryMethod: 'online' });
    await Promise.all([
      this.attach(id, 'de-nghi-doi-gplx', attachment),
      this.attach(id, 'ban-sao-gplx', attachment),
    ]);
    return id;
  }

  /** Submits a ready draft; as the portal does, with a key so that a retry answers the same receipt. */
  async submit(id: string, idempotencyKey: string = randomUUID()): Promise<void> {
    await this.json('POST', `/dossiers/${id}/submit`, undefined, {
      'idempotency-key': idempotencyKey,
    });
  }
}

export function pdfOf(bytes: number): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(Math.max(0, bytes - 9), 0x20)]);
}
