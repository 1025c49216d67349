/**
 * The ingest log: every acknowledged write, appended and flushed to disk (`fdatasync`) before the
 * acknowledgement, so DuckDB can take the events later in large loads (decision 0033). Written from
 * the event loop with libuv's asynchronous writes: a write waits neither for DuckDB nor blocks the
 * event loop, and writes that arrive during one flush go together in the next (group commit).
 * The log is a run of segment files `ingest-<seq>.log`; a full segment is closed and a new one
 * started, and a closed segment is deleted once DuckDB loaded every write it holds. At start, the
 * DuckDB thread reads back what the segments hold (`readLog`), loads it and deletes them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeRecord, type LogRecord } from './log-record';
import { WriteQueue, type Pending } from './write-queue';

const SEGMENT = /^ingest-(\d+)\.log$/;
const segmentName = (seq: number) => `ingest-${String(seq).padStart(12, '0')}.log`;
/** A segment is closed past this size, so loaded writes are soon deleted. */
const SEGMENT_BYTES = 32 * 1024 * 1024;

/** The sequence numbers of the segments in `dir`, in order. */
function segments(dir: string): number[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => SEGMENT.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

/**
 * Every record the segments in `dir` hold, in order. A torn record at the end of one (a write cut
 * short, never acknowledged) is cut off.
 */
export function readLog(dir: string): { records: LogRecord[]; segments: number[] } {
  const found = segments(dir);
  const records: LogRecord[] = [];
  for (const seq of found) {
    const file = path.join(dir, segmentName(seq));
    const data = fs.readFileSync(file);
    let at = 0;
    while (at < data.length) {
      const read = decodeRecord(data, at);
      if (!read) {
        fs.truncateSync(file, at);
        break;
      }
      records.push(read.record);
      at = read.next;
    }
  }
  return { records, segments: found };
}

/** Deletes the given segments (their records are loaded). */
export function deleteSegments(dir: string, seqs: readonly number[]): void {
  for (const seq of seqs) fs.rmSync(path.join(dir, segmentName(seq)), { force: true });
}

export class AppendLog {
  private fd: number;
  private seq: number;
  private size = 0;
  /** Numbers the frames written, from 1; each write answers its frame's number. */
  private written = 0;
  /** Closed segments and the number of the last frame each holds. */
  private readonly closed: { seq: number; last: number }[] = [];
  /** Group commit: frames that arrive during one write and flush go together in the next. */
  private readonly queue = new WriteQueue<Buffer>((group) => this.write(group));
  /** Set when a failed write could not be undone: appending further could hide acknowledged records. */
  private broken: unknown;

  /** Starts writing in `dir`, in a segment after every existing one; a segment closes past `segmentBytes`. */
  constructor(
    private readonly dir: string,
    private readonly segmentBytes = SEGMENT_BYTES,
  ) {
    fs.mkdirSync(dir, { recursive: true });
    this.seq = Math.max(0, ...segments(dir)) + 1;
    this.fd = openSegment(dir, this.seq);
  }

  /** Writes a frame; resolves with its number once it is on disk, with every frame written meanwhile. */
  append(frame: Buffer): Promise<number> {
    if (this.broken) return Promise.reject(this.broken);
    return this.queue.push(frame);
  }

  /** Writes and flushes one group of frames, then numbers them; a failure rejects the whole group. */
  private async write(group: Pending<Buffer>[]): Promise<void> {
    const total = group.reduce((n, p) => n + p.item.length, 0);
    try {
      await writeAll(this.fd, group.map((p) => p.item), total);
      await new Promise<void>((resolve, reject) => fs.fdatasync(this.fd, (error) => (error ? reject(error) : resolve())));
    } catch (error) {
      // A failed write (disk full) must leave no partial record, or replay would stop there and
      // miss every record acknowledged after it; if the cut fails too, the log takes no more.
      try {
        fs.ftruncateSync(this.fd, this.size);
      } catch {
        this.broken = error;
      }
      throw error;
    }
    this.size += total;
    for (const p of group) p.resolve(++this.written);
    if (this.size >= this.segmentBytes) this.rotate();
  }

  /** Closes the current segment (it keeps the frames written so far) and starts the next. */
  private rotate(): void {
    fs.closeSync(this.fd);
    this.closed.push({ seq: this.seq, last: this.written });
    this.seq += 1;
    this.fd = openSegment(this.dir, this.seq);
    this.size = 0;
  }

  /** DuckDB holds every frame up to number `n`: the closed segments they filled are deleted. */
  loaded(n: number): void {
    while (this.closed.length > 0 && this.closed[0]!.last <= n) deleteSegments(this.dir, [this.closed.shift()!.seq]);
  }

  /** Stops writing; with `everythingLoaded`, deletes the segments too (nothing in them is needed). */
  async close(everythingLoaded: boolean): Promise<void> {
    await this.queue.idle();
    fs.closeSync(this.fd);
    if (everythingLoaded) deleteSegments(this.dir, [...this.closed.map((c) => c.seq), this.seq]);
  }
}

/** Writes every byte of `frames` at the end of the file. */
async function writeAll(fd: number, frames: Buffer[], total: number): Promise<void> {
  let written = 0;
  while (written < total) {
    const pending = remaining(frames, written);
    written += await new Promise<number>((resolve, reject) => fs.writev(fd, pending, (error, n) => (error ? reject(error) : resolve(n))));
  }
}

/** Opens a segment for appending; the directory is flushed too, so the new file's name survives a power loss. */
function openSegment(dir: string, seq: number): number {
  const fd = fs.openSync(path.join(dir, segmentName(seq)), 'a');
  const dirFd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(dirFd);
  } finally {
    fs.closeSync(dirFd);
  }
  return fd;
}

/** The bytes of `frames` after the first `skip`. */
function remaining(frames: Buffer[], skip: number): Buffer[] {
  const out: Buffer[] = [];
  let left = skip;
  for (const frame of frames) {
    if (left >= frame.length) {
      left -= frame.length;
      continue;
    }
    out.push(left > 0 ? frame.subarray(left) : frame);
    left = 0;
  }
  return out;
}
