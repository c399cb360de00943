import type { AgencySeed, FieldSeed } from '../seed.types';

/**
 * Demo province: Hà Nội (suffix H26). Codes follow the national unit-code format
 * `000.XX.YY.H26`: `000.00.YY` for city-level bodies, `000.2X.YY` for one commune/ward
 * (`YY` = 01 UBND, 02 Công an). The codes are demo values, not the official register.
 */
export const agencyCodes = {
  cityPeoplesCommittee: '000.00.00.H26',
  cityPolice: '000.00.01.H26',
  financeDept: '000.00.02.H26',
  constructionDept: '000.00.03.H26',
  homeAffairsDept: '000.00.04.H26',
  agricultureEnvironmentDept: '000.00.05.H26',
  landRegistrationOffice: '000.00.06.H26',
  justiceDept: '000.00.07.H26',
  industryTradeDept: '000.00.08.H26',
  baDinhCommittee: '000.21.01.H26',
  baDinhPolice: '000.21.02.H26',
  hoanKiemCommittee: '000.22.01.H26',
  hoanKiemPolice: '000.22.02.H26',
  cauGiayCommittee: '000.23.01.H26',
  cauGiayPolice: '000.23.02.H26',
  socSonCommittee: '000.24.01.H26',
  socSonPolice: '000.24.02.H26',
} as const;

const a = agencyCodes;

export const agencies: AgencySeed[] = [
  // cấp tỉnh
  { code: a.cityPeoplesCommittee, name: 'Ủy ban nhân dân thành phố Hà Nội', level: 'province' },
  {
    code: a.cityPolice,
    name: 'Công an thành phố Hà Nội',
    level: 'province',
    parentCode: a.cityPeoplesCommittee,
  },
  {
    code: a.financeDept,
    name: 'Sở Tài chính thành phố Hà Nội',
    level: 'province',
    parentCode: a.cityPeoplesCommittee,
  },
  {
    code: a.constructionDept,
    name: 'Sở Xây dựng thành phố Hà Nội',
    level: 'province',
    parentCode: a.cityPeoplesCommittee,
  },
  {
    code: a.homeAffairsDept,
    name: 'Sở Nội vụ thành phố Hà Nội',
    level: 'province',
    parentCode: a.cityPeoplesCommittee,
  },
  {
    code: a.agricultureEnvironmentDept,
    name: 'Sở Nông nghiệp và Môi trường thành phố Hà Nội',
    level: 'province',
    parentCode: a.cityPeoplesCommittee,
  },
  {
    code: a.landRegistrationOffice,
    name: 'Văn phòng đăng ký đất đai Hà Nội',
    level: 'province',
    parentCode: a.agricultureEnvironmentDept,
  },
  {
    code: a.justiceDept,
    name: 'Sở Tư pháp thành phố Hà Nội',
    level: 'province',
    parentCode: a.cityPeoplesCommittee,
  },
  {
    code: a.industryTradeDept,
    name: 'Sở Công Thương thành phố Hà Nội',
    level: 'province',
    parentCode: a.cityPeoplesCommittee,
  },

  // cấp xã
  {
    code: a.baDinhCommittee,
    name: 'Ủy ban nhân dân phường Ba Đình',
    level: 'commune',
    parentCode: a.cityPeoplesCommittee,
  },
  {
    code: a.baDinhPolice,
    name: 'Công an phường Ba Đình',
    level: 'commune',
    parentCode: a.cityPolice,
  },
  {
    code: a.hoanKiemCommittee,
    name: 'Ủy ban nhân dân phường Hoàn Kiếm',
    level: 'commune',
    parentCode: a.cityPeoplesCommittee,
  },
  {
    code: a.hoanKiemPolice,
    name: 'Công an phường Hoàn Kiếm',
    level: 'commune',
    parentCode: a.cityPolice,
  },
  {
    code: a.cauGiayCommittee,
    name: 'Ủy ban nhân dân phường Cầu Giấy',
    level: 'commune',
    parentCode: a.cityPeoplesCommittee,
  },
  {
    code: a.cauGiayPolice,
    name: 'Công an phường Cầu Giấy',
    level: 'commune',
    parentCode: a.cityPolice,
  },
  {
    code: a.socSonCommittee,
    name: 'Ủy ban nhân dân xã Sóc Sơn',
    level: 'commune',
    parentCode: a.cityPeoplesCommittee,
  },
  { code: a.socSonPolice, name: 'Công an xã Sóc Sơn', level: 'commune', parentCode: a.cityPolice },
];

// lĩnh vực
export const fields: FieldSeed[] = [
  { code: 'ho-tich', name: 'Hộ tịch' },
  { code: 'lien-thong', name: 'Thủ tục hành chính liên thông' },
  { code: 'chung-thuc', name: 'Chứng thực' },
  { code: 'ly-lich-tu-phap', name: 'Lý lịch tư pháp' },
  { code: 'cu-tru', name: 'Đăng ký, quản lý cư trú' },
  { code: 'can-cuoc', name: 'Cấp, quản lý căn cước' },
  { code: 'xuat-nhap-canh', name: 'Quản lý xuất nhập cảnh' },
  { code: 'duong-bo', name: 'Đường bộ' },
  {
    code: 'dang-ky-xe',
    name: 'Đăng ký, quản lý phương tiện giao thông cơ giới, xe máy chuyên dùng',
  },
  { code: 'dang-ky-kinh-doanh', name: 'Đăng ký kinh doanh' },
  { code: 'hoat-dong-xay-dung', name: 'Hoạt động xây dựng' },
  { code: 'dat-dai', name: 'Đất đai' },
  { code: 'viec-lam', name: 'Việc làm' },
  { code: 'luu-thong-hang-hoa', name: 'Lưu thông hàng hóa trong nước' },
  { code: 'giam-ngheo', name: 'Giảm nghèo' },
  { code: 'bao-tro-xa-hoi', name: 'Bảo trợ xã hội' },
];
