import zlib from 'node:zlib';

/**
 * A minimal reader of ZIP archives held in memory (an uploaded .xlsx is at most 20 MB): the central
 * directory, then each entry inflated with node:zlib on demand. ZIP64, encryption and methods other
 * than stored/deflate are refused; so is an entry whose inflated size passes `maxEntryBytes`, so a
 * small "zip bomb" cannot exhaust memory.
 */

export class ZipError extends Error {
  constructor(
    readonly reason: 'not_zip' | 'corrupt' | 'unsupported' | 'too_large',
    message: string,
  ) {
    super(message);
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface Zip {
  names(): string[];
  has(name: string): boolean;
  /** The entry's bytes, or null when the archive has no such entry. */
  read(name: string): Buffer | null;
  text(name: string): string | null;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/** The first four bytes of every ZIP archive that has at least one entry ("PK\x03\x04"). */
export function looksLikeZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === LOCAL_HEADER;
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes followed by a comment of at most 65,535 bytes.
  const stop = Math.max(0, bytes.length - 22 - 65_535);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
  }
  throw new ZipError('corrupt', 'end of central directory not found');
}

export function openZip(bytes: Buffer, options: { maxEntryBytes?: number } = {}): Zip {
  if (!looksLikeZip(bytes)) throw new ZipError('not_zip', 'not a ZIP archive');
  const maxEntryBytes = options.maxEntryBytes ?? 512 * 1024 * 1024;
  const eocd = findEndOfCentralDirectory(bytes);
  const count = bytes.readUInt16LE(eocd + 10);
  const directorySize = bytes.readUInt32LE(eocd + 12);
  const directoryOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff)
    throw new ZipError('unsupported', 'ZIP64 archives are not supported');
  if (directoryOffset + directorySize > eocd)
    throw new ZipError('corrupt', 'central directory out of bounds');

  const entries = new Map<string, ZipEntry>();
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_HEADER) {
      throw new ZipError('corrupt', 'broken central directory');
    }
    const flags = bytes.readUInt16LE(at + 8);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = nameBytes.toString(flags & 0x0800 ? 'utf8' : 'latin1');
    const entry: ZipEntry = {
      name,
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
    };
    if (flags & 0x0001) throw new ZipError('unsupported', 'encrypted entries are not supported');
    entries.set(name, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }

  function read(name: string): Buffer | null {
    const entry = entries.get(name);
    if (!entry) return null;
    const local = entry.localOffset;
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL_HEADER) {
      throw new ZipError('corrupt', `broken local header of ${name}`);
    }
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw new ZipError('corrupt', `${name} is cut short`);
    if (entry.size > maxEntryBytes)
      throw new ZipError('too_large', `${name} inflates to more than ${maxEntryBytes} bytes`);
    const data = bytes.subarray(start, end);
    if (entry.method === 0) return data;
    if (entry.method !== 8)
      throw new ZipError('unsupported', `compression method ${entry.method} is not supported`);
    try {
      return zlib.inflateRawSync(data, { maxOutputLength: maxEntryBytes });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ERR_BUFFER_TOO_LARGE')
        throw new ZipError('too_large', `${name} inflates to more than ${maxEntryBytes} bytes`);
      throw new ZipError('corrupt', `${name} cannot be inflated`);
    }
  }

  return {
    names: () => [...entries.keys()],
    has: (name) => entries.has(name),
    read,
    text: (name) => read(name)?.toString('utf8') ?? null,
  };
}
