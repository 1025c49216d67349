/**
 * The ingest log: every acknowledged write, appended and flushed to disk (`fdatasync`) before the
 * acknowledgement, so DuckDB can take the events later in large loads (decision 0033). The log is
 * a run of segment files `ingest-<seq>.log`. Once a load took everything written, the log moves on
 * to a new segment and deletes the earlier ones; what a restart finds in them is every write no
 * load finished, and maybe some a load committed just before a crash (the writer skips those).
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeRecord, type LogRecord } from './log-record';

const SEGMENT = /^ingest-(\d+)\.log$/;
const segmentName = (seq: number) => `ingest-${String(seq).padStart(12, '0')}.log`;

export class AppendLog {
  private fd: number;
  private seq: number;
  private size = 0;
  /** Set when a failed write could not be undone: appending further could hide acknowledged records. */
  private broken: unknown;

  private constructor(
    private readonly dir: string,
    seq: number,
  ) {
    this.seq = seq;
    this.fd = openSegment(dir, seq);
    this.size = fs.fstatSync(this.fd).size;
  }

  /**
   * Opens the log in `dir` after reading back the records its segments hold, in order. A torn
   * record at the end of one (a write cut short, never acknowledged) is cut off. Writing continues
   * in a segment of its own, after every existing one.
   */
  static open(dir: string): { log: AppendLog; unloaded: LogRecord[] } {
    fs.mkdirSync(dir, { recursive: true });
    const segments = fs
      .readdirSync(dir)
      .map((name) => SEGMENT.exec(name))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
    const unloaded: LogRecord[] = [];
    for (const seq of segments) {
      const file = path.join(dir, segmentName(seq));
      const data = fs.readFileSync(file);
      let at = 0;
      while (at < data.length) {
        const read = decodeRecord(data, at);
        if (!read) {
          fs.truncateSync(file, at);
          break;
        }
        unloaded.push(read.record);
        at = read.next;
      }
    }
    const log = new AppendLog(dir, Math.max(0, ...segments) + 1);
    return { log, unloaded };
  }

  /** Bytes written to the current segment. */
  get bytes(): number {
    return this.size;
  }

  /** Writes the frames and flushes them to disk; returns once they would survive a crash. */
  append(frames: Buffer[]): void {
    if (this.broken) throw this.broken;
    const total = frames.reduce((n, f) => n + f.length, 0);
    try {
      let written = 0;
      let pending = frames;
      while (written < total) {
        written += fs.writevSync(this.fd, pending);
        if (written < total) pending = remaining(frames, written);
      }
      fs.fdatasyncSync(this.fd);
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
  }

  /** Starts a new segment and deletes those before it: called once a load committed everything they hold. */
  rotate(): void {
    fs.closeSync(this.fd);
    const previous = this.seq;
    this.seq += 1;
    this.fd = openSegment(this.dir, this.seq);
    this.size = 0;
    for (const name of fs.readdirSync(this.dir)) {
      const m = SEGMENT.exec(name);
      if (m && Number(m[1]) <= previous) fs.rmSync(path.join(this.dir, name), { force: true });
    }
  }

  close(): void {
    fs.closeSync(this.fd);
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
