import { amountInWords, formatVnd } from './amount-in-words';

describe('amountInWords (Bằng chữ)', () => {
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi tư đồng'],
    [25, 'Hai mươi lăm đồng'],
    [105, 'Một trăm linh năm đồng'],
    [110, 'Một trăm mười đồng'],
    [1_000, 'Một nghìn đồng'],
    [50_000, 'Năm mươi nghìn đồng'],
    [135_000, 'Một trăm ba mươi lăm nghìn đồng'],
    [200_000, 'Hai trăm nghìn đồng'],
    [1_005_000, 'Một triệu không trăm linh năm nghìn đồng'],
    [1_000_005, 'Một triệu không trăm linh năm đồng'],
    [2_500_000, 'Hai triệu năm trăm nghìn đồng'],
    [11_011_011, 'Mười một triệu không trăm mười một nghìn không trăm mười một đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
    [3_200_000_001, 'Ba tỷ hai trăm triệu không trăm linh một đồng'],
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
  ])('%d → %s', (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });

  it('refuses what is not a whole number of đồng', () => {
    expect(() => amountInWords(-1)).toThrow(RangeError);
    expect(() => amountInWords(1.5)).toThrow(RangeError);
    expect(() => amountInWords(Number.NaN)).toThrow(RangeError);
  });

  it('groups digits the Vietnamese way', () => {
    expect(formatVnd(135_000)).toBe('135.000');
    expect(formatVnd(1_005_000)).toBe('1.005.000');
    expect(formatVnd(999)).toBe('999');
  });
});
