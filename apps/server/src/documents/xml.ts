/** Small readers of the XML parts of Office files: entities, attributes, elements, cell references. */

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** OOXML escapes characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for a carriage return). */
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

export function decodeXml(text: string): string {
  let out = text;
  if (out.includes('&')) {
    out = out.replace(
      ENTITY,
      (_, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
        hex
          ? String.fromCodePoint(Number.parseInt(hex, 16))
          : dec
            ? String.fromCodePoint(Number(dec))
            : NAMED[name!]!,
    );
  }
  if (out.includes('_x'))
    out = out.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return out;
}

const ATTRIBUTES = new Map<string, RegExp>();

export function attribute(attrs: string, name: string): string | null {
  // Fast path: the form every writer uses (` name="value"`); the regex covers other spacing and quotes.
  const key = ` ${name}="`;
  const at = attrs.indexOf(key);
  if (at >= 0) {
    const end = attrs.indexOf('"', at + key.length);
    return decodeXml(attrs.slice(at + key.length, end));
  }
  if (!attrs.includes(`${name}=`) && !attrs.includes(`${name} =`)) return null;
  let re = ATTRIBUTES.get(name);
  if (!re) {
    re = new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTRIBUTES.set(name, re);
  }
  const m = re.exec(attrs);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : null;
}

/** Every element named `local` (any namespace prefix) with its attribute text. */
export function* elements(xml: string, local: string): Generator<string> {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${local}(\\s[^>]*)?/?>`, 'g');
  for (const m of xml.matchAll(re)) yield m[1] ?? '';
}

/** Concatenated text of the <t> elements of a string item, phonetic runs left out. */
export function stringItemText(xml: string): string {
  const withoutPhonetic = xml.includes('rPh')
    ? xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '')
    : xml;
  let text = '';
  for (const m of withoutPhonetic.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) text += m[1];
  return decodeXml(text);
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim().toUpperCase());
  return m ? { col: columnIndex(m[1]!), row: Number(m[2]) } : null;
}
