/**
 * The ingest log: every acknowledged write, appended and flushed to disk (`fdatasync`) before the
 * acknowledgement, so DuckDB can take the events later in large loads (decision 0033). The log is
 * a run of segment files `ingest-<seq>.log`; the position loaded into DuckDB is kept in DuckDB, in
 * the load's own transaction, so a restart replays exactly what no load committed. Once a load
 * took everything, the log moves to a new segment and the old one is deleted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeRecord, type LogRecord } from './log-record';

/** Where loading stands: every record before `offset` of segment `seq` (and earlier segments) is in DuckDB. */
export interface LogPosition {
  seq: number;
  offset: number;
}

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
   * Opens the log in `dir` after reading back the records no load took (`loaded` is where the
   * last load stopped). A torn record at the end (a write cut short, never acknowledged) is cut
   * off. Writing continues in a segment of its own, after every existing one.
   */
  static open(dir: string, loaded: LogPosition): { log: AppendLog; unloaded: LogRecord[] } {
    fs.mkdirSync(dir, { recursive: true });
    const segments = fs
      .readdirSync(dir)
      .map((name) => SEGMENT.exec(name))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
    const unloaded: LogRecord[] = [];
    for (const seq of segments) {
      if (seq < loaded.seq) continue;
      const file = path.join(dir, segmentName(seq));
      const data = fs.readFileSync(file);
      let at = seq === loaded.seq ? loaded.offset : 0;
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
    const log = new AppendLog(dir, Math.max(loaded.seq, ...segments) + 1);
    return { log, unloaded };
  }

  /** Where the next record will start: once loaded up to here, everything written so far is in. */
  get position(): LogPosition {
    return { seq: this.seq, offset: this.size };
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

  /**
   * Starts a new segment and deletes those before it: called once a load committed the position
   * at the end of the current one, so nothing in them is needed again.
   */
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
