import { inflateSync } from 'node:zlib';

/**
 * Reads back what the PDF writer (src/documents/pdf.ts, pdfkit) produced, for tests: the page count
 * (the `/Type /Page` objects) and the text, decoded through each embedded font's ToUnicode map.
 * Enough for pdfkit's own output; not a general PDF parser.
 */

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const out = new Map<number, PdfObject>();
  const text = pdf.toString('latin1');
  const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[2]!;
    const streamAt = body.indexOf('stream');
    if (streamAt < 0) {
      out.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    let start = m.index + m[0].indexOf(body) + streamAt + 'stream'.length;
    if (text[start] === '\r') start++;
    if (text[start] === '\n') start++;
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    const raw = pdf.subarray(start, start + length);
    out.set(Number(m[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
  }
  return out;
}

export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page(?![a-zA-Z])/g) ?? []).length;
}

function hexToUnicode(hex: string): string {
  let s = '';
  for (let i = 0; i < hex.length; i += 4) s += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16));
  return s;
}

function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g,
    )) {
      const from = Number.parseInt(m[1]!, 16);
      const to = Number.parseInt(m[2]!, 16);
      if (m[3]!.startsWith('[')) {
        const items = [...m[3]!.matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => hexToUnicode(x[1]!));
        for (const [i, u] of items.entries()) map.set(from + i, u);
      } else {
        const base = Number.parseInt(m[3]!.slice(1, -1), 16);
        for (let c = from; c <= to; c++) map.set(c, String.fromCharCode(base + c - from));
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(Number.parseInt(m[1]!, 16), hexToUnicode(m[2]!));
  return map;
}

/** The text of the document, one line per text object, pages in order. */
export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  const fonts = new Map<string, Map<number, string>>();
  for (const o of objs.values()) {
    for (const m of o.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objs.get(Number(m[2]));
      const ref = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict)?.[1];
      const cmap = ref ? objs.get(Number(ref))?.stream : null;
      if (cmap && !fonts.has(m[1]!)) fonts.set(m[1]!, toUnicodeMap(cmap.toString('latin1')));
    }
  }
  const lines: string[] = [];
  for (const o of objs.values()) {
    if (!o.stream || o.dict.includes('/ToUnicode') || !/\bBT\b/.test(o.stream.toString('latin1'))) continue;
    const content = o.stream.toString('latin1');
    let font: Map<number, string> | undefined;
    for (const block of content.matchAll(/BT([\s\S]*?)ET/g)) {
      let line = '';
      for (const m of block[1]!.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
        if (m[1]) {
          font = fonts.get(m[1]);
          continue;
        }
        // In a TJ array, a wide negative offset between strings is a space (justified text).
        const parts = m[2] !== undefined ? [...m[2].matchAll(/<([0-9a-fA-F]*)>|(-?[\d.]+)/g)] : null;
        const hexes = parts ? parts.map((x) => x[1] ?? (Number(x[2]) < -150 ? ' ' : '')) : [m[3]!];
        for (const hex of hexes) {
          if (hex === ' ') line += ' ';
          else
            for (let i = 0; i < hex.length; i += 4)
              line += font?.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? '?';
        }
      }
      lines.push(line);
    }
  }
  return lines.join('\n');
}
