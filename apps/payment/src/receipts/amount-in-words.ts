const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
/** Units of the three-digit groups below a billion; a billion (tỷ) repeats above. */
const GROUP_UNITS = ['', 'nghìn', 'triệu'];

/**
 * One group of three digits. `full` when a higher group precedes it, so its leading zeros
 * are read ("một nghìn không trăm linh năm").
 */
function readGroup(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(DIGITS[hundreds], 'trăm');
  if (tens === 0) {
    if (units > 0 && words.length > 0) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(DIGITS[tens], 'mươi');
  }
  if (units === 1 && tens >= 2) words.push('mốt');
  else if (units === 4 && tens >= 2) words.push('tư');
  else if (units === 5 && tens >= 1) words.push('lăm');
  else if (units > 0) words.push(DIGITS[units]);
  return words;
}

/** Words of 0 < n < 1 000 000 000, `full` as in readGroup. */
function readBelowBillion(n: number, full: boolean): string[] {
  const words: string[] = [];
  for (let i = GROUP_UNITS.length - 1; i >= 0; i--) {
    const group = Math.floor(n / 1000 ** i) % 1000;
    if (group === 0) continue;
    words.push(...readGroup(group, full || words.length > 0));
    if (GROUP_UNITS[i]) words.push(GROUP_UNITS[i]);
  }
  return words;
}

function read(n: number, full: boolean): string[] {
  const billions = Math.floor(n / 1_000_000_000);
  const rest = n % 1_000_000_000;
  if (billions === 0) return readBelowBillion(rest, full);
  const words = [...read(billions, full), 'tỷ'];
  if (rest > 0) words.push(...readBelowBillion(rest, true));
  return words;
}

/**
 * An amount of đồng in Vietnamese words, as printed on a receipt ("Bằng chữ"):
 * 135000 → "Một trăm ba mươi lăm nghìn đồng", 1005000 → "Một triệu không trăm linh năm nghìn đồng".
 */
export function amountInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`amountInWords: ${amount} is not a whole number of đồng`);
  }
  const words = amount === 0 ? ['không'] : read(amount, false);
  const text = `${words.join(' ')} đồng`;
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** 135000 → "135.000" (Vietnamese digit grouping). */
export function formatVnd(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
