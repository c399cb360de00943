import type { ProcedureImportItem } from '@dvc/contracts';
import type { HubProcedure } from '../hub/hub-client';

/**
 * The hub's procedure record (LayThuTuc) → our procedure document (the catalogue's seed and
 * import shape). Only the translation lives here: whether the result is a valid procedure is
 * the catalogue's one validator's call. A record without even a code or a name cannot be
 * named in the catalogue and is rejected here.
 */
export type MappedProcedure =
  { ok: true; document: Record<string, unknown> } | { ok: false; rejected: ProcedureImportItem };

/** KENH of CACHTHUCTHUCHIEN: 1 at the desk, 2 online, 3 by public post. */
const CHANNELS: Record<string, 'desk' | 'online' | 'post'> = {
  '1': 'desk',
  '2': 'online',
  '3': 'post',
};

/** DONVITINH of THOIGIAN. */
const TIME_UNITS: Record<string, 'working_day' | 'working_hour' | 'day'> = {
  'Ngày làm việc': 'working_day',
  'Giờ làm việc': 'working_hour',
  Ngày: 'day',
};

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const list = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v)
    ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object')
    : [];
const count = (v: unknown, fallback: number): number => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
};

/** A stable id inside the procedure from a hub name or code (lower case ASCII, dashes). */
function slug(value: string, fallback: string): string {
  const s = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s || fallback;
}

export function mapHubProcedure(hub: HubProcedure): MappedProcedure {
  const code = text(hub.MATTHC);
  const name = text(hub.TENTTHC);
  if (!code || !name) {
    const reasons = [
      ...(code ? [] : [{ field: 'MATTHC', message: 'Thiếu mã thủ tục' }]),
      ...(name ? [] : [{ field: 'TENTTHC', message: 'Thiếu tên thủ tục' }]),
    ];
    return { ok: false, rejected: { code, name: name || null, outcome: 'rejected', reasons } };
  }

  const ways = list(hub.CACHTHUCTHUCHIEN);
  const channels = [...new Set(ways.map((w) => CHANNELS[text(w.KENH)]).filter(Boolean))];
  const times = ways.flatMap((w) =>
    list(w.THOIGIAN).map((t) => ({
      channel: CHANNELS[text(w.KENH)] ?? text(w.KENH),
      value: Number(t.THOIGIANGIAIQUYET),
      unit: TIME_UNITS[text(t.DONVITINH)] ?? text(t.DONVITINH),
      ...(text(t.MOTA) ? { note: text(t.MOTA) } : {}),
    })),
  );
  // The fees are listed per channel and time; the catalogue keeps each once.
  const fees = new Map<string, Record<string, unknown>>();
  for (const w of ways)
    for (const t of list(w.THOIGIAN))
      for (const f of list(t.PHILEPHI)) {
        const feeName = text(f.MOTA) || text(f.MAPHILEPHI) || 'Lệ phí';
        const amount = f.SOTIEN === null || f.SOTIEN === '' ? null : Number(f.SOTIEN);
        fees.set(feeName, { name: feeName, amountVnd: amount });
      }

  const stepsByCase = list(hub.TRINHTUTHUCHIEN);
  const componentsByCase = list(hub.THANHPHANHOSO);
  const caseNames = [
    ...new Set([...stepsByCase, ...componentsByCase].map((c) => text(c.TRUONGHOP))),
  ];
  const cases = (caseNames.length > 0 ? caseNames : ['']).map((caseName, i) => ({
    id: slug(caseName, i === 0 ? 'mac-dinh' : `truong-hop-${i + 1}`),
    name: caseName || 'Trường hợp chung',
    steps: stepsByCase
      .filter((c) => text(c.TRUONGHOP) === caseName)
      .flatMap((c) => list(c.TRINHTU).map((s) => text(s.TENTRINHTU)))
      .filter(Boolean),
    components: componentsByCase
      .filter((c) => text(c.TRUONGHOP) === caseName)
      .flatMap((c) => list(c.GIAYTO))
      .map((g, j) => ({
        id: slug(text(g.MAGIAYTO), `giay-to-${j + 1}`),
        name: text(g.TENGIAYTO),
        originals: count(g.SOBANCHINH, 1),
        copies: count(g.SOBANSAO, 0),
        required: g.BATBUOC !== '0' && g.BATBUOC !== false,
      })),
    processingTimes: times,
    fees: [...fees.values()],
  }));

  const agencies = list(hub.COQUANTHUCHIEN);
  const field = list(hub.LINHVUCTHUCHIEN)[0] ?? {};
  return {
    ok: true,
    document: {
      code,
      name,
      fieldCode: text(field.MALINHVUC),
      level: Number(hub.MUCDO),
      agencyCode: text(agencies[0]?.MADONVI),
      competentAuthority: text(hub.COQUANCOTHAMQUYEN) || text(agencies[0]?.TENDONVI),
      implementingAgency: text(agencies[0]?.TENDONVI),
      subjects: list(hub.DOITUONGTHUCHIEN)
        .map((d) => text(d.TENDOITUONG))
        .filter(Boolean),
      channels,
      cases,
      forms: [],
      results: list(hub.KETQUATHUCHIEN)
        .map((r) => text(r.TENKETQUA))
        .filter(Boolean),
      legalBasis: list(hub.CANCUPHAPLY)
        .map((c) => [text(c.SOVANBAN), text(c.TENVANBAN)].filter(Boolean).join(' '))
        .filter(Boolean),
      conditions: text(hub.YEUCAU) ? [text(hub.YEUCAU)] : [],
      ...(text(hub.QUYETDINHCONGBO) ? { decision: text(hub.QUYETDINHCONGBO) } : {}),
      feeAtSubmission: false,
    },
  };
}
