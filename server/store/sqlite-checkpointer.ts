/**
 * WAL checkpoints off the request path. In WAL mode SQLite copies the log back into the database
 * file at checkpoints, and with `synchronous=NORMAL` that is where it fsyncs: left to itself, the
 * commit that crosses the 1,000-page mark does it, blocking the event loop for tens of milliseconds.
 * A worker thread with its own connection runs PASSIVE checkpoints (they wait for no one) every
 * second instead; the main connection's own automatic checkpoint stays as a safety net far above
 * what the worker lets the log reach.
 * When a pass copies every frame back, the writer's next commit starts the log over from the
 * beginning of the file (group commits leave gaps between commits, so under steady orders every
 * pass measured did); the file is cut back to `WAL_SIZE_LIMIT_BYTES` then, so a burst does not
 * leave it large for good.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the worker checkpoints. */
export const CHECKPOINT_EVERY_MS = 1000;
/** Pages of log after which the main connection checkpoints itself (the worker is late or gone). */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 20_000;
/** Bytes the log file is cut back to when it starts over, so a burst does not leave it large for good. */
export const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

// Plain CommonJS, so the worker needs no TypeScript loader; the driver's path comes from the parent.
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('journal_size_limit = ' + workerData.sizeLimit);
let turns = 0;
let complete = 0;
const timer = setInterval(() => {
  try {
    turns++;
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    // Every frame copied back: the next commit starts the log over.
    if (result.log === result.checkpointed) complete++;
    if (workerData.report) parentPort.postMessage({ turns, complete });
  } catch (error) { parentPort.postMessage({ error: String(error) }); }
}, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export interface CheckpointerOptions {
  everyMs?: number;
  /** Called after each pass with the passes so far and those that copied every frame back (for tests). */
  onTurn?: (turns: number, complete: number) => void;
}

/** Starts checkpointing the database file `file` in a worker thread. */
export function startCheckpointer(file: string, onError: (message: string) => void, options: CheckpointerOptions = {}): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const workerData = { driver, file, everyMs: options.everyMs ?? CHECKPOINT_EVERY_MS, sizeLimit: WAL_SIZE_LIMIT_BYTES, report: options.onTurn !== undefined };
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
  worker.on('message', (message: { error?: string; turns?: number; complete?: number }) => {
    if (message.error) onError(message.error);
    else if (message.turns !== undefined) options.onTurn?.(message.turns, message.complete!);
  });
  worker.on('error', (error) => onError(String(error)));
  // It never keeps a process (a CLI command, a test) alive.
  worker.unref();
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (worker.threadId === -1) return resolve();
        worker.once('exit', () => resolve());
        // Held again while it closes, or a process with nothing else to do would end before it has.
        worker.ref();
        worker.postMessage('stop');
      }),
  };
}
