/**
 * English words for the procedures of the catalogue, for people searching the English portal
 * (its own example: "driving licence"). The catalogue is Vietnamese: a query's English
 * phrases become the Vietnamese words the procedures are named with, before the usual
 * full-text search; words that are neither (a Vietnamese query) pass unchanged.
 * Longer phrases are tried first ("temporary residence" before "residence").
 */
const PHRASES: Record<string, string> = {
  'driving licence': 'giấy phép lái xe',
  'driving license': 'giấy phép lái xe',
  "driver's license": 'giấy phép lái xe',
  'drivers license': 'giấy phép lái xe',
  'birth registration': 'đăng ký khai sinh',
  'register a birth': 'đăng ký khai sinh',
  'birth certificate': 'khai sinh',
  birth: 'khai sinh',
  'death registration': 'đăng ký khai tử',
  death: 'khai tử',
  marriage: 'kết hôn',
  'civil status': 'hộ tịch',
  passport: 'hộ chiếu',
  'identity card': 'căn cước',
  'id card': 'căn cước',
  'citizen id': 'căn cước',
  'permanent residence': 'thường trú',
  'temporary residence': 'tạm trú',
  'criminal record': 'lý lịch tư pháp',
  'certified copy': 'chứng thực bản sao',
  'signature certification': 'chứng thực chữ ký',
  certification: 'chứng thực',
  'household business': 'hộ kinh doanh',
  'business registration': 'đăng ký kinh doanh',
  company: 'công ty',
  'vehicle registration': 'đăng ký xe',
  'licence plate': 'biển số',
  'license plate': 'biển số',
  vehicle: 'xe',
  'building permit': 'giấy phép xây dựng',
  'construction permit': 'giấy phép xây dựng',
  'land use right': 'quyền sử dụng đất',
  land: 'đất',
  'unemployment benefit': 'trợ cấp thất nghiệp',
  'work permit': 'giấy phép lao động',
  'poor household': 'hộ nghèo',
  'goods circulation': 'lưu thông hàng hóa',
  renewal: 'đổi',
  renew: 'đổi',
  replace: 'đổi',
  exchange: 'đổi',
};

/** English words that name no procedure ("apply for a passport"): left out of the search. */
const FILLER = new Set([
  'a',
  'an',
  'the',
  'of',
  'for',
  'to',
  'my',
  'apply',
  'application',
  'online',
]);

const ORDERED = Object.keys(PHRASES).sort((a, b) => b.length - a.length);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(${ORDERED.map(escape).join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

/** The query with its English phrases in Vietnamese; unchanged when it has none. */
export function withVietnameseTerms(q: string): string {
  let found = false;
  const translated = q.replace(PATTERN, (phrase) => {
    found = true;
    return PHRASES[phrase.toLowerCase()] ?? phrase;
  });
  if (!found) return q;
  return translated
    .split(/\s+/)
    .filter((word) => !FILLER.has(word.toLowerCase()))
    .join(' ');
}
