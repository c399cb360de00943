import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF drawn by pdfkit with embedded (subset) fonts, for assertions: streams are
 * inflated, each font's ToUnicode CMap read, and every text-showing operation decoded with
 * each CMap (a line shows in one font; decoding with the others gives noise, never the
 * expected words). Enough for our receipts, not a general PDF reader.
 */
export function pdfText(pdf: Buffer): string {
  const streams = streamsOf(pdf);
  const cmaps = streams.filter((s) => s.includes('beginbfrange')).map(parseCmap);
  const lines: string[] = [];
  for (const content of streams.filter((s) => /\]\s*TJ/.test(s))) {
    for (const [, array] of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...array.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]).join('');
      const codes = hex.match(/.{4}/g)?.map((h) => parseInt(h, 16)) ?? [];
      for (const cmap of cmaps) lines.push(codes.map((c) => cmap.get(c) ?? '\ufffd').join(''));
    }
  }
  return lines.join('\n');
}

function streamsOf(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const streams: string[] = [];
  const start = /(?<!end)stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = start.exec(text))) {
    const from = match.index + match[0].length;
    const to = text.indexOf('endstream', from);
    if (to < 0) break;
    const bytes = pdf.subarray(from, to);
    try {
      streams.push(inflateSync(bytes).toString('latin1'));
    } catch {
      streams.push(bytes.toString('latin1'));
    }
    start.lastIndex = to + 'endstream'.length;
  }
  return streams;
}

/** `<start> <end> [<u1> <u2> …]` ranges of a ToUnicode CMap, as glyph code → text. */
function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, first, , entries] of cmap.matchAll(
    /<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi,
  )) {
    const values = [...entries.matchAll(/<([0-9a-f ]+)>/gi)].map((m) =>
      String.fromCharCode(
        ...m[1]
          .trim()
          .split(/\s+/)
          .map((h) => parseInt(h, 16)),
      ),
    );
    values.forEach((value, i) => map.set(parseInt(first, 16) + i, value));
  }
  return map;
}
