/**
 * `attachment` with an ASCII fallback name for old clients and the exact UTF-8 name
 * (RFC 6266 / RFC 5987), e.g. `Tờ khai.pdf` → `filename="To khai.pdf"; filename*=UTF-8''T%E1%BB%9D%20khai.pdf`.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
