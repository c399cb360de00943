import type { HolidaySeed } from '../seed.types';

/**
 * Ngày nghỉ lễ, Tết 2026–2027 (Bộ luật Lao động 2019, Điều 112) for the working-day clock.
 * Only weekdays are listed as `holiday` (Saturdays and Sundays are already off);
 * `working_day` marks a Saturday worked in exchange for a bridged day (ngày làm bù).
 * 2026 follows the published schedule; 2027 values marked "dự kiến" are plausible choices
 * pending the Government's decision.
 */
export const holidays: HolidaySeed[] = [
  // 2026
  { date: '2026-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
  {
    date: '2026-01-02',
    name: 'Nghỉ hoán đổi Tết Dương lịch (Văn bản 12729/VPCP-KGVX ngày 25/12/2025)',
    kind: 'holiday',
  },
  {
    date: '2026-01-10',
    name: 'Làm bù cho ngày 02/01/2026 (Văn bản 12729/VPCP-KGVX ngày 25/12/2025)',
    kind: 'working_day',
  },
  // Tết Bính Ngọ: nghỉ từ thứ Bảy 14/02 đến hết Chủ nhật 22/02/2026 (9 ngày, không làm bù)
  { date: '2026-02-16', name: 'Tết Nguyên đán Bính Ngọ (29 tháng Chạp)', kind: 'holiday' },
  { date: '2026-02-17', name: 'Tết Nguyên đán Bính Ngọ (mùng 1 Tết)', kind: 'holiday' },
  { date: '2026-02-18', name: 'Tết Nguyên đán Bính Ngọ (mùng 2 Tết)', kind: 'holiday' },
  { date: '2026-02-19', name: 'Tết Nguyên đán Bính Ngọ (mùng 3 Tết)', kind: 'holiday' },
  { date: '2026-02-20', name: 'Tết Nguyên đán Bính Ngọ (mùng 4 Tết)', kind: 'holiday' },
  // Giỗ Tổ 10/3 âm lịch = Chủ nhật 26/04/2026 → nghỉ bù thứ Hai
  {
    date: '2026-04-27',
    name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch, Chủ nhật 26/04)',
    kind: 'holiday',
  },
  { date: '2026-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday' },
  { date: '2026-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday' },
  {
    date: '2026-09-01',
    name: 'Nghỉ Quốc khánh (ngày liền trước 2/9; lựa chọn hợp lý, cần đối chiếu thông báo chính thức)',
    kind: 'holiday',
  },
  { date: '2026-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday' },

  // 2027
  { date: '2027-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
  // Tết Đinh Mùi: mùng 1 = thứ Bảy 06/02/2027; 5 ngày làm việc nghỉ 04–10/02 (dự kiến)
  { date: '2027-02-04', name: 'Tết Nguyên đán Đinh Mùi (trước Tết, dự kiến)', kind: 'holiday' },
  { date: '2027-02-05', name: 'Tết Nguyên đán Đinh Mùi (giao thừa, dự kiến)', kind: 'holiday' },
  { date: '2027-02-08', name: 'Tết Nguyên đán Đinh Mùi (mùng 3 Tết, dự kiến)', kind: 'holiday' },
  { date: '2027-02-09', name: 'Tết Nguyên đán Đinh Mùi (mùng 4 Tết, dự kiến)', kind: 'holiday' },
  { date: '2027-02-10', name: 'Tết Nguyên đán Đinh Mùi (mùng 5 Tết, dự kiến)', kind: 'holiday' },
  { date: '2027-04-16', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday' },
  { date: '2027-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday' },
  {
    date: '2027-05-03',
    name: 'Nghỉ bù Ngày Quốc tế Lao động (1/5 trùng thứ Bảy)',
    kind: 'holiday',
  },
  { date: '2027-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday' },
  { date: '2027-09-03', name: 'Nghỉ Quốc khánh (ngày liền sau 2/9, dự kiến)', kind: 'holiday' },
];
