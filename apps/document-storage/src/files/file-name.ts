/** Used when nothing of the original name survives ("tệp tin" = file). */
export const FALLBACK_FILE_NAME = 'tep-tin';
export const MAX_FILE_NAME_LENGTH = 200;

/** Characters Windows, macOS or shells give a meaning to, plus quotes. */
const RESERVED = /[<>:"/\\|?*`]/g;
/** Control (Cc) and format (Cf) characters: NUL, newlines, bidi overrides (`‮fdp.exe`), zero-width ones. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

/**
 * The name kept in the metadata and offered on download. Only the last path segment of what
 * the client sent survives (`../../etc/passwd` → `passwd`); control, format and reserved
 * characters are dropped, Vietnamese letters are kept (NFC), spaces collapsed, leading and
 * trailing dots and spaces trimmed, and the result cut to 200 characters keeping the extension.
 * The object key never comes from this: keys are UUIDs.
 */
export function sanitizeFileName(raw: string): string {
  const lastSegment = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = lastSegment
    .replace(/\s+/gu, ' ') // tabs and line breaks too
    .replace(INVISIBLE, '')
    .replace(RESERVED, '')
    .replace(/ {2,}/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/gu, '');
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`;
  name = truncate(name, MAX_FILE_NAME_LENGTH);
  return name === '' ? FALLBACK_FILE_NAME : name;
}

/** Cuts by characters (never inside a surrogate pair) and keeps a short extension. */
function truncate(name: string, max: number): string {
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (extension.length > 0 && extension.length <= 16) {
    const base = Array.from(name.slice(0, dot)).slice(0, max - extension.length);
    return (base.join('') + extension.join('')).replace(/^[\s.]+|[\s.]+$/gu, '');
  }
  return chars
    .slice(0, max)
    .join('')
    .replace(/[\s.]+$/u, '');
}
