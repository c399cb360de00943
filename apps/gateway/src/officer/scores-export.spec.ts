import ExcelJS from 'exceljs';
import type { OfficerScoresView } from '@dvc/contracts';
import { renderScoresExport } from './scores-export';

const VIEW: OfficerScoresView = {
  period: '2026-11',
  items: [
    {
      agency: { code: '000.00.01.H26', name: 'Sở Tư pháp tỉnh Bắc Ninh, "một cửa"' },
      dossiers: 5,
      onTimeRate: 0.8,
      onlineShare: 0.4,
      onlinePaymentShare: 0.5,
      eResultShare: 0.6667,
      satisfaction: 0.5,
      counts: {
        dossiers: 5,
        onTime: 4,
        fullyOnline: 2,
        withFee: 2,
        paidOnline: 1,
        withResult: 3,
        eResult: 2,
        ratings: 2,
        satisfied: 1,
        scoreSum: 7,
      },
    },
    {
      agency: { code: '=cmd', name: 'UBND xã Đông Phong' },
      dossiers: 0,
      onTimeRate: null,
      onlineShare: null,
      onlinePaymentShare: null,
      eResultShare: null,
      satisfaction: null,
      counts: {
        dossiers: 0,
        onTime: 0,
        fullyOnline: 0,
        withFee: 0,
        paidOnline: 0,
        withResult: 0,
        eResult: 0,
        ratings: 0,
        satisfied: 0,
        scoreSum: 0,
      },
    },
  ],
};

describe('scores export', () => {
  it('writes a UTF-8 CSV with a BOM that keeps the Vietnamese, quotes what needs it and never a formula', async () => {
    const file = await renderScoresExport(VIEW, 'csv');
    expect(file.fileName).toBe('chi-so-phuc-vu-2026-11.csv');
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.body.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0].split(',').slice(0, 6)).toEqual([
      'Kỳ',
      'Mã cơ quan',
      'Tên cơ quan',
      'Hồ sơ đã giải quyết',
      'Đúng hạn',
      'Tỷ lệ đúng hạn',
    ]);
    expect(lines[1]).toBe(
      '2026-11,000.00.01.H26,"Sở Tư pháp tỉnh Bắc Ninh, ""một cửa""",5,4,0.8,2,0.4,2,1,0.5,3,2,0.6667,2,1,0.5',
    );
    expect(lines[2]).toBe("2026-11,'=cmd,UBND xã Đông Phong,0,0,,0,,0,0,,0,0,,0,0,");
    expect(lines[3]).toBe('');
  });

  it('writes an XLSX that reads back with the same figures, rates as percentages', async () => {
    const file = await renderScoresExport(VIEW, 'xlsx');
    expect(file.fileName).toBe('chi-so-phuc-vu-2026-11.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Chỉ số 2026-11')!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).getCell(3).value).toBe('Tên cơ quan');
    const row = sheet.getRow(2);
    expect(row.getCell(3).value).toBe('Sở Tư pháp tỉnh Bắc Ninh, "một cửa"');
    expect(row.getCell(4).value).toBe(5);
    expect(row.getCell(6).value).toBe(0.8);
    expect(row.getCell(6).numFmt).toBe('0.00%');
    expect(row.getCell(14).value).toBe(0.6667);
    expect(sheet.getRow(3).getCell(6).value).toBeNull();
  });
});
