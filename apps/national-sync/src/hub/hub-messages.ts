import { createHash } from 'node:crypto';
import {
  DossierEventBase,
  DossierStatus,
  DossierStatusChangedEvent,
  DossierStatusName,
  DossierSubmittedEvent,
  HubCallKind,
} from '@dvc/contracts';

/**
 * The shapes of the national hub's dossier calls (Cổng DVC quốc gia, the "MC" services a
 * province's one-stop system calls): `DongBoHoSoMC` creates or updates the dossier record,
 * `CapNhatTienDoHoSoMC` appends a processing step. Every call is
 * `{session, madonvi, service, isUpdating?, data: [record]}`; the hub answers `error_code: "00"`.
 * Dates are `yyyyMMddHHmmss` in Vietnam's time (UTC+7, no daylight saving).
 */
export const HubServices = {
  dossierSync: 'DongBoHoSoMC',
  progressUpdate: 'CapNhatTienDoHoSoMC',
  procedures: 'LayThuTuc',
} as const;

/** A hub record: flat strings, plus the lists DongBoHoSoMC carries (empty when we send none). */
export type HubRecord = Record<string, string | unknown[]>;

/** One call to queue: what national-sync stores and later sends as it is. */
export interface HubCallDraft {
  id: string;
  kind: HubCallKind;
  service: string;
  statusCode: number;
  /** `isUpdating` of DongBoHoSoMC: the record exists at the hub already. */
  isUpdating: boolean;
  record: HubRecord;
}

/**
 * Our status → the hub's `TrangThaiHoSo` / `TrangThai`. Our codes are the national list
 * (docs/design.md §4), so each maps to the same number; DRAFT never leaves the portal.
 */
export const HUB_STATUS: Record<DossierStatusName, string | null> = {
  DRAFT: null,
  SUBMITTED: '1', // Mới đăng ký
  RECEIVED: '2', // Được tiếp nhận
  REFUSED: '3', // Không được tiếp nhận
  PROCESSING: '4', // Đang xử lý
  SUPPLEMENT_REQUESTED: '5', // Yêu cầu bổ sung giấy tờ
  PAYMENT_REQUIRED: '6', // Yêu cầu thực hiện nghĩa vụ tài chính
  WITHDRAWAL_REQUESTED: '7', // Công dân yêu cầu rút hồ sơ
  STOPPED: '8', // Dừng xử lý
  RESULT_READY: '9', // Đã xử lý xong
  RETURNED: '10', // Đã trả kết quả
};

/** Statuses whose change also updates the dossier record with its result dates. */
const RESULT_STATUSES: ReadonlySet<DossierStatusName> = new Set(['RESULT_READY', 'RETURNED']);

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** `2026-11-26T02:05:09Z` → `20261126090509`; empty for no date (the hub's "not given"). */
export function hubDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = new Date(Date.parse(iso) + VIETNAM_OFFSET_MS);
  if (Number.isNaN(at.getTime())) return '';
  return at.toISOString().slice(0, 19).replace(/[-T:]/g, '');
}

/** A second stable id derived from an event id (the result call of a status change). */
export function derivedCallId(eventId: string, suffix: string): string {
  const hex = createHash('sha256').update(`${eventId}:${suffix}`).digest('hex');
  // Shaped as a version-4-like UUID so it fits the uuid column and the hub's key field.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The DongBoHoSoMC record: what the hub keeps of a dossier (personal data stays here). */
function dossierRecord(
  event: DossierEventBase,
  dates: { received: string; due?: string | null; finished?: string; returned?: string },
  delivery?: { method: string; tracking: string | null },
): HubRecord {
  return {
    MaHoSo: event.code,
    MaTTHC: event.procedureCode,
    TenTTHC: event.procedureName,
    MaLinhVuc: '',
    TenLinhVuc: '',
    ChuHoSo: '',
    LoaiDoiTuong: '1', // công dân
    MaDoiTuong: '',
    ThongTinKhac: '',
    Email: '',
    Fax: '',
    SoDienThoai: '',
    TrichYeuHoSo: event.procedureName,
    NgayTiepNhan: dates.received,
    NgayHenTra: hubDate(dates.due),
    TrangThaiHoSo: HUB_STATUS[event.status] ?? '',
    NgayTra: dates.returned ?? '',
    ThongTinTra: delivery?.tracking ?? '',
    // 0: at the desk or online, 1: by post (bưu chính công ích)
    HinhThuc: delivery?.method === 'post' ? '1' : '0',
    NgayKetThucXuLy: dates.finished ?? '',
    DonViXuLy: event.agencyCode,
    GhiChu: '',
    TaiLieuNop: [],
    DanhSachLePhi: [],
    DanhSachTepDinhKemKhac: [],
    DanhSachHoSoBoSung: [],
    DanhSachGiayToKetQua: [],
  };
}

/** `dossier.submitted` → the dossier-sync call that creates the record at the hub. */
export function submittedCalls(eventId: string, event: DossierSubmittedEvent): HubCallDraft[] {
  return [
    {
      id: eventId,
      kind: 'dossier-sync',
      service: HubServices.dossierSync,
      statusCode: DossierStatus.SUBMITTED,
      isUpdating: false,
      record: dossierRecord(
        { ...event, status: 'SUBMITTED' },
        {
          received: hubDate(event.submittedAt),
        },
      ),
    },
  ];
}

/**
 * `dossier.status_changed` → a progress-update (CapNhatTienDoHoSoMC) for every change, then for
 * a result (ready, returned) a dossier-sync update carrying its dates and delivery.
 */
export function statusChangedCalls(
  eventId: string,
  event: DossierStatusChangedEvent,
): HubCallDraft[] {
  const status = HUB_STATUS[event.status];
  // Before submission the hub knows nothing of the dossier (a fee paid at submission comes
  // first), and reaching SUBMITTED is told by the dossier-sync of `dossier.submitted`.
  if (status === null || event.from === 'DRAFT' || event.status === 'SUBMITTED') return [];
  const calls: HubCallDraft[] = [
    {
      id: eventId,
      kind: 'progress-update',
      service: HubServices.progressUpdate,
      statusCode: event.statusCode,
      isUpdating: false,
      record: {
        MaHoSo: event.code,
        NguoiXuLy: event.byRole,
        ChucDanh: '',
        ThoiDiemXuLy: hubDate(event.at),
        PhongBanXuLy: event.agencyCode,
        NoiDungXuLy: event.note ?? event.action,
        TrangThai: status,
        NgayBatDau: event.status === 'RECEIVED' ? hubDate(event.at) : '',
        NgayKetThucTheoQuyDinh: hubDate(event.dueAt),
      },
    },
  ];
  if (RESULT_STATUSES.has(event.status)) {
    const at = hubDate(event.at);
    calls.push({
      id: derivedCallId(eventId, 'result'),
      kind: 'result',
      service: HubServices.dossierSync,
      statusCode: event.statusCode,
      isUpdating: true,
      record: dossierRecord(
        event,
        {
          // the record exists: the hub keeps its reception date when this one is empty
          received: '',
          due: event.dueAt,
          finished: event.status === 'RESULT_READY' ? at : '',
          returned: event.status === 'RETURNED' ? at : '',
        },
        { method: event.deliveryMethod, tracking: event.deliveryTracking },
      ),
    });
  }
  return calls;
}
