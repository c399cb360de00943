// Demo citizens of the VNeID simulator (development only; never real people).
export const demoIdentities = [
  {
    sub: 'vneid-001090000001',
    idNumber: '001090000001',
    name: 'Nguyễn Văn An',
    birthdate: '1990-05-14',
    phone: '0912345001',
    address: 'Số 12 phố Lý Thường Kiệt, phường Cửa Nam, thành phố Hà Nội',
    password: 'ChangeMe!2026',
  },
  {
    sub: 'vneid-079185000002',
    idNumber: '079185000002',
    name: 'Trần Thị Bình',
    birthdate: '1985-11-02',
    email: 'binh.tran@example.vn',
    address: 'Số 45 đường Nguyễn Huệ, phường Sài Gòn, Thành phố Hồ Chí Minh',
    password: 'ChangeMe!2026',
  },
  {
    sub: 'vneid-036088000003',
    idNumber: '036088000003',
    name: 'Lê Minh Châu',
    birthdate: '1988-03-21',
    password: 'ChangeMe!2026',
  },
];
