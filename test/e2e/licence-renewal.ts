/**
 * The procedure the dossier journeys file: Đổi giấy phép lái xe (level 4, two required
 * components), settled by Công an thành phố Hà Nội, the demo officer's agency.
 */
export const LICENCE_RENEWAL = '3.000347';

/** A form that satisfies the procedure's JSON Schema. */
export const licenceRenewalForm = {
  hoTen: 'Nguyễn Văn Bình',
  ngaySinh: '1990-05-20',
  soDinhDanh: '001090012345',
  soGiayPhep: '010203040506',
  hangGiayPhep: 'B',
  ngayHetHan: '2026-12-31',
  noiCuTru: 'Số 1 Hoàng Hoa Thám, phường Ba Đình, Hà Nội',
  soDienThoai: '0912345678',
};
