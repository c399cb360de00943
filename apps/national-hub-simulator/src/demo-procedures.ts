/**
 * What the simulator's LayThuTuc serves until a test replaces it: procedures in the hub's
 * record shape (upper-case keys). Their field and agency codes are the demo catalogue's, so
 * an import takes them; the last one names a field the catalogue does not have, so the import
 * report shows a rejection. Codes are demo values outside the seeded catalogue.
 */
export function demoHubProcedures(): Record<string, unknown>[] {
  return [
    {
      MATTHC: '9.000101',
      TENTTHC: 'Cấp bản sao trích lục hộ tịch (thử nghiệm từ Cổng DVC quốc gia)',
      MUCDO: '2',
      LINHVUCTHUCHIEN: [{ MALINHVUC: 'ho-tich', TENLINHVUC: 'Hộ tịch' }],
      COQUANTHUCHIEN: [{ MADONVI: '000.21.01.H26', TENDONVI: 'Ủy ban nhân dân phường Ba Đình' }],
      COQUANCOTHAMQUYEN: 'Ủy ban nhân dân cấp xã',
      DOITUONGTHUCHIEN: [{ TENDOITUONG: 'Công dân Việt Nam' }],
      TRINHTUTHUCHIEN: [
        {
          TRUONGHOP: '',
          TRINHTU: [
            { TENTRINHTU: 'Người yêu cầu nộp tờ khai tại Bộ phận Một cửa.' },
            { TENTRINHTU: 'Công chức tư pháp - hộ tịch kiểm tra và cấp bản sao trích lục.' },
          ],
        },
      ],
      CACHTHUCTHUCHIEN: [
        {
          KENH: '1',
          THOIGIAN: [
            {
              THOIGIANGIAIQUYET: '1',
              DONVITINH: 'Ngày làm việc',
              MOTA: 'Ngay trong ngày nếu nhận yêu cầu trước 15 giờ',
              PHILEPHI: [{ MAPHILEPHI: 'LP', SOTIEN: '8000', MOTA: 'Phí cấp bản sao trích lục' }],
            },
          ],
        },
      ],
      THANHPHANHOSO: [
        {
          TRUONGHOP: '',
          GIAYTO: [
            {
              MAGIAYTO: 'to-khai',
              TENGIAYTO: 'Tờ khai cấp bản sao trích lục hộ tịch',
              SOBANCHINH: '1',
              SOBANSAO: '0',
            },
          ],
        },
      ],
      KETQUATHUCHIEN: [{ MAKETQUA: 'KQ1', TENKETQUA: 'Bản sao trích lục hộ tịch' }],
      CANCUPHAPLY: [{ SOVANBAN: '60/2014/QH13', TENVANBAN: 'Luật Hộ tịch' }],
      YEUCAU: 'Không',
    },
    {
      MATTHC: '9.000102',
      TENTTHC: 'Chứng thực chữ ký người dịch (thử nghiệm từ Cổng DVC quốc gia)',
      MUCDO: '2',
      LINHVUCTHUCHIEN: [{ MALINHVUC: 'chung-thuc', TENLINHVUC: 'Chứng thực' }],
      COQUANTHUCHIEN: [{ MADONVI: '000.00.07.H26', TENDONVI: 'Sở Tư pháp thành phố Hà Nội' }],
      DOITUONGTHUCHIEN: [{ TENDOITUONG: 'Người dịch là cộng tác viên của Sở Tư pháp' }],
      TRINHTUTHUCHIEN: [
        { TRUONGHOP: '', TRINHTU: [{ TENTRINHTU: 'Nộp bản dịch tại Sở Tư pháp.' }] },
      ],
      CACHTHUCTHUCHIEN: [
        {
          KENH: '1',
          THOIGIAN: [
            {
              THOIGIANGIAIQUYET: '1',
              DONVITINH: 'Ngày làm việc',
              PHILEPHI: [
                { MAPHILEPHI: 'LP', SOTIEN: '10000', MOTA: 'Lệ phí chứng thực (mỗi bản)' },
              ],
            },
          ],
        },
      ],
      THANHPHANHOSO: [
        {
          TRUONGHOP: '',
          GIAYTO: [
            {
              MAGIAYTO: 'ban-dich',
              TENGIAYTO: 'Bản dịch và giấy tờ cần dịch',
              SOBANCHINH: '1',
              SOBANSAO: '0',
            },
          ],
        },
      ],
      KETQUATHUCHIEN: [{ TENKETQUA: 'Bản dịch được chứng thực chữ ký người dịch' }],
      CANCUPHAPLY: [{ SOVANBAN: '23/2015/NĐ-CP', TENVANBAN: 'Nghị định về chứng thực' }],
    },
    {
      MATTHC: '9.000103',
      TENTTHC: 'Thủ tục thuộc lĩnh vực chưa có trong danh mục của tỉnh (thử nghiệm)',
      MUCDO: '2',
      LINHVUCTHUCHIEN: [{ MALINHVUC: 'linh-vuc-chua-co', TENLINHVUC: 'Lĩnh vực chưa có' }],
      COQUANTHUCHIEN: [{ MADONVI: '000.00.00.H26', TENDONVI: 'Ủy ban nhân dân thành phố Hà Nội' }],
      TRINHTUTHUCHIEN: [{ TRUONGHOP: '', TRINHTU: [{ TENTRINHTU: 'Nộp hồ sơ.' }] }],
      CACHTHUCTHUCHIEN: [
        { KENH: '1', THOIGIAN: [{ THOIGIANGIAIQUYET: '5', DONVITINH: 'Ngày làm việc' }] },
      ],
      THANHPHANHOSO: [
        {
          TRUONGHOP: '',
          GIAYTO: [{ MAGIAYTO: 'don', TENGIAYTO: 'Đơn đề nghị', SOBANCHINH: '1', SOBANSAO: '0' }],
        },
      ],
      KETQUATHUCHIEN: [{ TENKETQUA: 'Văn bản trả lời' }],
    },
  ];
}
