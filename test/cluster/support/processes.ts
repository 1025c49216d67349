/** Child processes for the cluster tests: spawning with a kept log, waiting for an answer. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface Running {
  child: ChildProcess;
  /** What the process printed, for the message of a failed start. */
  log(): string;
  /** Ends the process (SIGTERM, then SIGKILL after `graceMs`) and waits for its exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

/** Spawns `command`, keeping the last 20 KB of what it prints. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Running {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    log: () => output,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Polls `probe` every 100 ms until it answers true; throws `what` (and the log) when `process` exits first or after `limitMs`. */
export async function waitUntil(probe: () => Promise<boolean>, what: string, options: { process?: Running; limitMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + (options.limitMs ?? 60_000);
  while (Date.now() < deadline) {
    if (options.process && options.process.child.exitCode !== null) throw new Error(`${what}: the process exited (${options.process.child.exitCode})\n${options.process.log()}`);
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: not within ${options.limitMs ?? 60_000} ms\n${options.process?.log() ?? ''}`);
}
