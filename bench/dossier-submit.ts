import type { ProcessStack } from '../scripts/process-stack';
import { closedLoop, login } from './measure';

/** Đổi giấy phép lái xe: level 4, two required components. */
const PROCEDURE = '3.000347';
const FORM = {
  hoTen: 'Nguyễn Văn Bình',
  ngaySinh: '1990-05-20',
  soDinhDanh: '001090012345',
  soGiayPhep: '010203040506',
  hangGiayPhep: 'B',
  ngayHetHan: '2026-12-31',
  noiCuTru: 'Số 1 Hoàng Hoa Thám, phường Ba Đình, Hà Nội',
  soDienThoai: '0912345678',
};
const ATTACHMENT = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200 * 1024 - 9, 0x20)]);

/**
 * A whole online submission through the gateway, as a citizen does it: draft → form →
 * 2 × 200 KB attachments (streamed to document-storage, scanned) → submit.
 * Target: ≥ 200 submissions/s with p99 < 250 ms on 2 cores.
 */
export async function dossierSubmit(stack: ProcessStack, seconds: number, concurrency = 16) {
  const gateway = `${stack.url('gateway')}/api/v1`;
  const token = await login(stack.url('gateway'), 'citizen@dvc.local');
  const json = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${gateway}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const attach = async (dossierId: string, componentId: string) => {
    const form = new FormData();
    form.append('componentId', componentId);
    form.append('file', new Blob([ATTACHMENT], { type: 'application/pdf' }), `${componentId}.pdf`);
    const response = await fetch(`${gateway}/dossiers/${dossierId}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    if (response.status !== 201)
      throw new Error(`attach: ${response.status} ${await response.text()}`);
  };
  const result = await closedLoop(concurrency, seconds * 1000, async () => {
    const { id } = await json<{ id: string }>('POST', '/dossiers', { procedureCode: PROCEDURE });
    await json('PATCH', `/dossiers/${id}`, { formData: FORM, deliveryMethod: 'online' });
    await Promise.all([attach(id, 'de-nghi-doi-gplx'), attach(id, 'ban-sao-gplx')]);
    await json('POST', `/dossiers/${id}/submit`);
  });
  return {
    concurrency,
    attachmentKb: ATTACHMENT.length / 1024,
    ...result,
    targets: { perSecond: '≥ 200', p99Ms: '< 250' },
  };
}
