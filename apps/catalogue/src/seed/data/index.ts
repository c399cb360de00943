import type { CatalogueSeed } from '../seed.types';
import { agencies, fields } from './agencies';
import { holidays } from './holidays';
import { hoTich } from './procedures/ho-tich';
import { lienThong } from './procedures/lien-thong';
import { chungThuc } from './procedures/chung-thuc';
import { lyLichTuPhap } from './procedures/ly-lich-tu-phap';
import { cuTru } from './procedures/cu-tru';
import { canCuoc } from './procedures/can-cuoc';
import { xuatNhapCanh } from './procedures/xuat-nhap-canh';
import { duongBo } from './procedures/duong-bo';
import { dangKyXe } from './procedures/dang-ky-xe';
import { dangKyKinhDoanh } from './procedures/dang-ky-kinh-doanh';
import { hoatDongXayDung } from './procedures/hoat-dong-xay-dung';
import { datDai } from './procedures/dat-dai';
import { viecLam } from './procedures/viec-lam';
import { luuThongHangHoa } from './procedures/luu-thong-hang-hoa';
import { giamNgheo } from './procedures/giam-ngheo';

export const catalogueSeed: CatalogueSeed = {
  agencies,
  fields,
  procedures: [
    ...hoTich,
    ...lienThong,
    ...chungThuc,
    ...lyLichTuPhap,
    ...cuTru,
    ...canCuoc,
    ...xuatNhapCanh,
    ...duongBo,
    ...dangKyXe,
    ...dangKyKinhDoanh,
    ...hoatDongXayDung,
    ...datDai,
    ...viecLam,
    ...luuThongHangHoa,
    ...giamNgheo,
  ],
  holidays,
};
