/**
 * Raw deflate as each platform has it. In Node the platform's zlib (through
 * `process.getBuiltinModule`, so that this module needs no Node import and the browser bundle can
 * carry it), several times faster than JavaScript; in a browser or worker `DecompressionStream`
 * ('deflate-raw'), native too but only asynchronous; fflate where neither exists (or synchronous
 * inflating is needed outside Node). No checks here: zip-package.ts checks what comes out.
 */
import { deflateSync as fflateDeflate, inflateSync as fflateInflate } from 'fflate';

/** The part of node:zlib used here. */
interface NodeZlib {
  /** Node 20.15 and later. */
  crc32?(data: Uint8Array, value?: number): number;
  inflateRawSync(data: Uint8Array, options?: { readonly chunkSize?: number; readonly maxOutputLength?: number }): Uint8Array;
  deflateRawSync(data: Uint8Array, options?: { readonly level?: number }): Uint8Array;
  createInflateRaw(): NodeZlibStream;
  readonly constants: { readonly Z_FINISH: number };
}

/**
 * A node:zlib stream, with the two members its own synchronous functions (`inflateRawSync`) work
 * through: the native handle's `writeSync`, which inflates from `input` into `out` and leaves what is
 * left of each in `_writeState` ([output left, input left]). Not Node's documented API, so both are
 * checked before use (`chunkedInflater`), and without them the whole part is inflated at once.
 */
interface NodeZlibStream {
  readonly _handle?: { writeSync?(flush: number, input: Uint8Array, inOffset: number, inLength: number, out: Uint8Array, outOffset: number, outLength: number): void };
  readonly _writeState?: unknown;
  readonly destroyed: boolean;
  readonly errored?: unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  close(): void;
}

/** The part of the WHATWG DecompressionStream used here (not in the ES library the hosts compile against). */
interface DecompressionStreamLike {
  readonly readable: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }> } };
  readonly writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void>; abort(reason?: unknown): Promise<void> } };
}
type DecompressionStreamClass = new (format: 'deflate-raw') => DecompressionStreamLike;

function nodeZlib(): NodeZlib | null {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    return (process?.getBuiltinModule?.('node:zlib') as NodeZlib | undefined) ?? null;
  } catch {
    return null;
  }
}

const zlib = nodeZlib();

function decompressionStream(): DecompressionStreamClass | null {
  const constructor = (globalThis as { DecompressionStream?: DecompressionStreamClass }).DecompressionStream;
  if (constructor === undefined) return null;
  try {
    new constructor('deflate-raw'); // older engines know 'deflate' and 'gzip' only
    return constructor;
  } catch {
    return null;
  }
}

const nativeStream = zlib === null ? decompressionStream() : null;

/** Which inflater this platform uses, for the benchmark's record. */
export const inflaterName: 'node:zlib' | 'DecompressionStream' | 'fflate' = zlib !== null ? 'node:zlib' : nativeStream !== null ? 'DecompressionStream' : 'fflate';

let crcTable: Uint32Array | null = null;

/**
 * CRC-32 of `data` continued from `previous` (the CRC of what came before; 0 to start), as zip
 * stores it: `crc32(b, crc32(a))` is the CRC of a followed by b. Node's zlib where it has one.
 */
export function crc32(data: Uint8Array, previous = 0): number {
  if (zlib?.crc32) return zlib.crc32(data, previous);
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = (previous ^ 0xffffffff) >>> 0;
  for (let index = 0; index < data.length; index++) crc = crcTable[(crc ^ data[index]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Inflates raw deflate data whose inflated size is `size` (as the zip directory declares it). */
export function inflateRaw(compressed: Uint8Array, size: number): Uint8Array {
  if (zlib !== null) {
    // One output chunk of the declared size: zlib's default 16 KB chunks cost a copy of the whole part
    // at the end (three times slower on a 165 MB sheet); more output than declared is an error.
    const out = zlib.inflateRawSync(compressed, { chunkSize: Math.max(64, size), maxOutputLength: Math.max(1, size) });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }
  return fflateInflate(compressed, { out: new Uint8Array(size) });
}

/** Bytes of inflated output handed on at a time by `inflateRawEach` (the buffer is reused for every chunk). */
export const inflateChunkBytes = 1 << 19;

/**
 * Inflates raw deflate data synchronously, handing the output to `onChunk` a chunk at a time, every
 * chunk in the same buffer: `onChunk` must not keep the chunk it is given (it is overwritten by the
 * next). A part inflated whole would be a fresh buffer as large as the part (165 MB for a sheet of
 * 200,000 cases), and the operating system zeroes every page of a fresh buffer on first touch, which
 * costs more than the inflating itself; a half-megabyte buffer reused stays in the cache. Node's zlib
 * where its stream handle can be driven synchronously; elsewhere (or `whole`) one chunk from `inflateRaw`.
 */
export function inflateRawEach(compressed: Uint8Array, size: number, onChunk: (chunk: Uint8Array) => void, whole = false): void {
  const inflater = whole || zlib === null ? null : chunkedInflater(zlib);
  if (inflater === null) {
    onChunk(inflateRaw(compressed, size));
    return;
  }
  const { stream, writeSync, state } = inflater;
  const finish = (zlib as NodeZlib).constants.Z_FINISH;
  const out = new Uint8Array(Math.max(64, Math.min(inflateChunkBytes, size)));
  let inOffset = 0;
  let inLeft = compressed.length;
  try {
    for (;;) {
      writeSync(finish, compressed, inOffset, inLeft, out, 0, out.length);
      // zlib's errors (a damaged stream, input ending early) destroy the stream at once.
      if (stream.destroyed) throw stream.errored instanceof Error ? stream.errored : new Error('inflate failed');
      const outLeft = state[0];
      const inLeftAfter = state[1];
      if (out.length > outLeft) onChunk(out.subarray(0, out.length - outLeft));
      inOffset += inLeft - inLeftAfter;
      inLeft = inLeftAfter;
      // Output room left over: the stream ended (or its input did, which zlib reports as an error above).
      if (outLeft !== 0) return;
    }
  } finally {
    stream.close();
  }
}

/** A raw inflate stream of Node's zlib whose handle can be driven synchronously, or null when this Node has no such handle. */
function chunkedInflater(zlib: NodeZlib): { stream: NodeZlibStream; writeSync: NonNullable<NonNullable<NodeZlibStream['_handle']>['writeSync']>; state: Uint32Array } | null {
  let stream: NodeZlibStream;
  try {
    stream = zlib.createInflateRaw();
  } catch {
    return null;
  }
  const handle = stream._handle;
  const state = stream._writeState;
  if (handle === undefined || typeof handle.writeSync !== 'function' || !(state instanceof Uint32Array) || state.length < 2) {
    stream.close();
    return null;
  }
  // The stream also emits its error as an event: heard here, thrown by inflateRawEach.
  stream.on('error', () => undefined);
  return { stream, writeSync: handle.writeSync.bind(handle), state };
}

/**
 * Inflates raw deflate data, handing the output on in chunks as it comes: a native stream where the
 * platform has one, otherwise one chunk from `inflateRaw`.
 */
export async function inflateRawChunks(compressed: Uint8Array, size: number, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  if (nativeStream === null) {
    onChunk(inflateRaw(compressed, size));
    return;
  }
  const stream = new nativeStream('deflate-raw');
  const writer = stream.writable.getWriter();
  // Written and closed without awaiting: the reader below is what drains the stream.
  const written = writer.write(compressed).then(() => writer.close());
  written.catch(() => undefined);
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value !== undefined && value.length > 0) onChunk(value);
  }
  await written;
}

/** Raw deflate of a new part of a written package: zlib's default level, the fastest for a very large part. */
export function deflateRaw(data: Uint8Array): Uint8Array {
  // A part this large is a copied export (a 200,000-row CSV is 300 MB of sheet XML): the fastest level
  // deflates it four times as fast for a quarter more bytes; the report's own parts stay at level 6.
  const level = data.length > largePartBytes ? 1 : 6;
  if (zlib !== null) {
    const out = zlib.deflateRawSync(data, { level });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }
  return fflateDeflate(data, { level });
}

/** Parts larger than this are deflated at the fastest level. */
const largePartBytes = 32 * 1024 * 1024;
