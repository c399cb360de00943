/** Reads `length` bytes of a stored object from `offset`. */
export type RangeReader = (offset: number, length: number) => Promise<Buffer>;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
const EOCD_LENGTH = 22;
const MAX_COMMENT = 0xffff;
/** A DOCX/XLSX directory is a few KB; anything bigger than this is refused rather than read. */
const MAX_DIRECTORY_BYTES = 4 * 1024 * 1024;
/** The end of a file `officeKindOf` may read: the end record, its comment and a directory before them. */
export const ZIP_TAIL_BYTES = MAX_DIRECTORY_BYTES + EOCD_LENGTH + MAX_COMMENT;

/**
 * Reads a file of `size` bytes whose last `tail.length` bytes are in memory. A range before
 * the tail reads as nothing, so a directory that far from the end is refused, like one too big.
 */
export function tailReader(tail: Buffer, size: number): RangeReader {
  const start = size - tail.length;
  return (offset, length) =>
    Promise.resolve(
      offset < start ? Buffer.alloc(0) : tail.subarray(offset - start, offset - start + length),
    );
}

/**
 * Tells a DOCX or XLSX from any other ZIP (a plain archive, an APK, a JAR…) by the entry
 * names in its central directory, read with two ranged reads at most, never the whole file.
 * Refuses what is not plainly an Office Open XML document: no `[Content_Types].xml`, both or
 * neither of `word/` and `xl/`, macros (`vbaProject.bin`), ZIP64, multi-disk, or a directory
 * that does not add up.
 */
export async function officeKindOf(
  size: number,
  read: RangeReader,
): Promise<'docx' | 'xlsx' | null> {
  const names = await centralDirectoryNames(size, read);
  if (!names || !names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => n.toLowerCase().endsWith('vbaproject.bin'))) return null;
  const word = names.some((n) => n.startsWith('word/'));
  const excel = names.some((n) => n.startsWith('xl/'));
  if (word && !excel) return 'docx';
  if (excel && !word) return 'xlsx';
  return null;
}

/** The entry names of a ZIP's central directory, or null when it is not a sound single-disk ZIP. */
export async function centralDirectoryNames(
  size: number,
  read: RangeReader,
): Promise<string[] | null> {
  if (size < EOCD_LENGTH) return null;
  const tailLength = Math.min(size, EOCD_LENGTH + MAX_COMMENT);
  const tailOffset = size - tailLength;
  const tail = await read(tailOffset, tailLength);
  const at = findEndOfCentralDirectory(tail);
  if (at < 0) return null;

  const disk = tail.readUInt16LE(at + 4);
  const directoryDisk = tail.readUInt16LE(at + 6);
  const entries = tail.readUInt16LE(at + 10);
  const directorySize = tail.readUInt32LE(at + 12);
  const directoryOffset = tail.readUInt32LE(at + 16);
  if (disk !== 0 || directoryDisk !== 0) return null;
  // ZIP64 puts 0xFFFF/0xFFFFFFFF here; an Office document of a few MB never needs it.
  if (entries === 0 || entries === 0xffff || directoryOffset === 0xffffffff) return null;
  if (directorySize > MAX_DIRECTORY_BYTES) return null;
  if (directoryOffset + directorySize > tailOffset + at) return null;

  const directory =
    directoryOffset >= tailOffset
      ? tail.subarray(directoryOffset - tailOffset, directoryOffset - tailOffset + directorySize)
      : await read(directoryOffset, directorySize);
  return entryNames(directory, entries);
}

function findEndOfCentralDirectory(tail: Buffer): number {
  for (let i = tail.length - EOCD_LENGTH; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD_SIGNATURE) continue;
    // The record must end the file exactly (its comment runs to the last byte).
    if (i + EOCD_LENGTH + tail.readUInt16LE(i + 20) === tail.length) return i;
  }
  return -1;
}

function entryNames(directory: Buffer, entries: number): string[] | null {
  const names: string[] = [];
  let p = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL_ENTRY_SIGNATURE) {
      return null;
    }
    const nameLength = directory.readUInt16LE(p + 28);
    const extraLength = directory.readUInt16LE(p + 30);
    const commentLength = directory.readUInt16LE(p + 32);
    if (p + 46 + nameLength > directory.length) return null;
    names.push(directory.toString('utf8', p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
