import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { addFormKeywords, isCalendarDate, notAfterToday, todayInVietnam } from './form-rules';
import { tooLongMessage } from './form-messages';

describe('form rules', () => {
  it('knows the days of the calendar, leap years included', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2030-02-31')).toBe(false);
    expect(isCalendarDate('31/01/2026')).toBe(false);
  });

  it('takes today in Việt Nam: 20:00 UTC on 31 December is already 1 January in Hà Nội', () => {
    const evening = new Date('2026-12-31T20:00:00Z');
    expect(todayInVietnam(evening)).toBe('2027-01-01');
    expect(notAfterToday('2027-01-01', evening)).toBe(true);
    expect(notAfterToday('2027-01-02', evening)).toBe(false);
  });

  it('lets a strict ajv compile and enforce notAfterToday', () => {
    const ajv = addFormKeywords(addFormats(new Ajv2020({ strict: true })));
    const validate = ajv.compile({
      type: 'object',
      properties: { ngaySinh: { type: 'string', format: 'date', notAfterToday: true } },
    });
    expect(validate({ ngaySinh: '1990-05-20' })).toBe(true);
    expect(validate({ ngaySinh: '2999-01-01' })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({
      keyword: 'notAfterToday',
      instancePath: '/ngaySinh',
    });
  });
});

describe('tooLongMessage', () => {
  it('words a text over its limit like the online forms do, in each language', () => {
    expect(tooLongMessage('Địa chỉ thường trú', 255, 'vi')).toBe(
      'Địa chỉ thường trú: không được dài quá 255 ký tự',
    );
    expect(tooLongMessage('Permanent address', 255, 'en')).toBe(
      'Permanent address: must be at most 255 characters',
    );
  });
});
