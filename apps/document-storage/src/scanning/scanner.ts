import type { Readable } from 'node:stream';

/** What a scanner says about one object. Anything but `clean` is rejected (fail closed). */
export type ScanVerdict =
  | { status: 'clean' }
  | { status: 'infected'; signature: string }
  | { status: 'unscannable'; reason: string };

/**
 * Malware scanner of quarantined objects (docs/design.md §6). Gets a way to open the object as a
 * stream, so a driver reads it once, at its own pace, without the caller buffering it.
 * Abstract class rather than interface: it is the Nest injection token too.
 */
export abstract class Scanner {
  abstract readonly name: string;
  abstract scan(open: () => Promise<Readable>): Promise<ScanVerdict>;
}
