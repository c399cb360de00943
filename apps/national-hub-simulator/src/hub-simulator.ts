import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoHubProcedures } from './demo-procedures';

/** One call the simulator accepted, as `GET /_sim/records` lists it. */
export interface HubRecordEntry {
  /** The caller's Idempotency-Key: the same call sent again is not recorded twice. */
  id: string | null;
  service: string;
  isUpdating: boolean | null;
  dossierCode: string;
  /** TrangThaiHoSo (dossier record) or TrangThai (progress step). */
  status: string;
  receivedAt: string;
  record: Record<string, unknown>;
}

export interface HubSimulatorOptions {
  host?: string;
  port: number;
  /** The session token calls must carry (`session`). */
  token: string;
}

export interface HubSimulator {
  url: string;
  records: HubRecordEntry[];
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

/**
 * The national portal's hub played locally (development and tests only): it takes the MC
 * dossier calls (DongBoHoSoMC, CapNhatTienDoHoSoMC) at `POST /integration`, records them in
 * arrival order, serves a procedure list (LayThuTuc), and fails on demand:
 *
 * - `GET /_sim/records?dossierCode=` → the calls received, in order, each with its status;
 * - `POST /_sim/faults {failNext: n}` → the next n calls answer 503;
 * - `PUT /_sim/procedures [..]` → the list LayThuTuc serves from now on;
 * - `DELETE /_sim/records` → forget every call (and the faults).
 */
export async function startHubSimulator(options: HubSimulatorOptions): Promise<HubSimulator> {
  const records: HubRecordEntry[] = [];
  const seen = new Set<string>();
  let failNext = 0;
  let procedures: Record<string, unknown>[] = demoHubProcedures();

  const answer = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };

  const integration = (req: IncomingMessage, body: Record<string, unknown>) => {
    if (body.session !== options.token) {
      return [401, { error_code: '401', message: 'Phiên làm việc không hợp lệ' }] as const;
    }
    if (body.service === 'LayThuTuc') {
      const code = typeof body.maTTHC === 'string' ? body.maTTHC : null;
      const result = code ? procedures.filter((p) => p.MATTHC === code) : procedures;
      return [200, { error_code: '00', message: 'Thành công', result }] as const;
    }
    if (body.service !== 'DongBoHoSoMC' && body.service !== 'CapNhatTienDoHoSoMC') {
      return [
        400,
        { error_code: '400', message: `Dịch vụ không hỗ trợ: ${String(body.service)}` },
      ] as const;
    }
    const data = Array.isArray(body.data) ? (body.data as Record<string, unknown>[]) : [];
    if (data.length === 0 || typeof data[0]?.MaHoSo !== 'string') {
      return [400, { error_code: '400', message: 'Thiếu MaHoSo' }] as const;
    }
    const key = req.headers['idempotency-key'];
    const id = typeof key === 'string' && key.length > 0 ? key : null;
    if (id && seen.has(id))
      return [200, { error_code: '00', message: 'Đã nhận trước đó' }] as const;
    if (id) seen.add(id);
    for (const record of data) {
      records.push({
        id,
        service: body.service,
        isUpdating: body.service === 'DongBoHoSoMC' ? body.isUpdating === 'True' : null,
        dossierCode: String(record.MaHoSo),
        status: String(record.TrangThaiHoSo ?? record.TrangThai ?? ''),
        receivedAt: new Date().toISOString(),
        record,
      });
    }
    return [200, { error_code: '00', message: 'Thành công' }] as const;
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://hub.local');
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      let body: unknown = null;
      if (chunks.length > 0) {
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return answer(res, 400, { error_code: '400', message: 'JSON không hợp lệ' });
        }
      }
      const route = `${req.method} ${url.pathname}`;
      switch (route) {
        case 'POST /integration': {
          if (failNext > 0) {
            failNext -= 1;
            return answer(res, 503, { error_code: '503', message: 'Hệ thống đang bận' });
          }
          const [status, reply] = integration(req, (body ?? {}) as Record<string, unknown>);
          return answer(res, status, reply);
        }
        case 'GET /health/live':
        case 'GET /health/ready':
          return answer(res, 200, { status: 'ok' });
        case 'GET /_sim/records': {
          const code = url.searchParams.get('dossierCode');
          return answer(res, 200, code ? records.filter((r) => r.dossierCode === code) : records);
        }
        case 'DELETE /_sim/records':
          records.length = 0;
          seen.clear();
          failNext = 0;
          return answer(res, 200, { ok: true });
        case 'POST /_sim/faults': {
          const n = Number((body as { failNext?: unknown } | null)?.failNext);
          if (!Number.isInteger(n) || n < 0)
            return answer(res, 400, { message: 'failNext: integer ≥ 0' });
          failNext = n;
          return answer(res, 200, { failNext });
        }
        case 'PUT /_sim/procedures':
          if (!Array.isArray(body))
            return answer(res, 400, { message: 'a JSON array of procedures' });
          procedures = body as Record<string, unknown>[];
          return answer(res, 200, { procedures: procedures.length });
        default:
          return answer(res, 404, { message: 'not found' });
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    records,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
