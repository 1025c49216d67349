/**
 * WAL checkpoints off the request path. In WAL mode SQLite copies the log back into the database
 * file at checkpoints, and with `synchronous=NORMAL` that is where it fsyncs: left to itself, the
 * commit that crosses the 1,000-page mark does it, blocking the event loop for tens of milliseconds.
 * A worker thread with its own connection runs PASSIVE checkpoints (they wait for no one) every
 * second instead; the main connection's own automatic checkpoint stays as a safety net far above
 * what the worker lets the log reach.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the worker checkpoints. */
export const CHECKPOINT_EVERY_MS = 1000;
/** Pages of log after which the main connection checkpoints itself (the worker is late or gone). */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 20_000;

// Plain CommonJS, so the worker needs no TypeScript loader; the driver's path comes from the parent.
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage({ error: String(error) }); }
}, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/** Starts checkpointing the database file `file` in a worker thread. */
export function startCheckpointer(file: string, onError: (message: string) => void): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, everyMs: CHECKPOINT_EVERY_MS } });
  worker.on('message', (message: { error?: string }) => {
    if (message.error) onError(message.error);
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
