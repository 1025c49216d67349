/**
 * The kill switch as a server sees it: a flag kept in memory and re-read from the store every
 * second, so requests never wait on the database and every server follows an operator's
 * command (from any server's /ops or from the CLI) within seconds.
 */
import type { Logger } from 'pino';
import type { Store } from '../store/database';
import { readKillSwitch, writeKillSwitch } from './kill-switch-store';

export const KILL_SWITCH_POLL_MS = 1000;

export class KillSwitch {
  private constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    private state: boolean,
    private readonly timer: NodeJS.Timeout,
  ) {}

  /** Reads the switch once, then keeps following it. */
  static async open(store: Store, logger: Logger, pollMs = KILL_SWITCH_POLL_MS): Promise<KillSwitch> {
    const initial = await readKillSwitch(store.db);
    let instance: KillSwitch | undefined;
    const timer = setInterval(() => void instance?.refresh(), pollMs);
    timer.unref();
    instance = new KillSwitch(store, logger, initial, timer);
    return instance;
  }

  /** True while the switch is on, as of the last read (at most a poll interval old). */
  get killed(): boolean {
    return this.state;
  }

  /** Sets the switch in the store; this server follows at once, others on their next poll. */
  async set(killed: boolean, now: number): Promise<void> {
    await writeKillSwitch(this.store.db, killed, now);
    this.state = killed;
  }

  /** Re-reads the store; a failed read keeps the last known value. */
  async refresh(): Promise<void> {
    try {
      const killed = await readKillSwitch(this.store.db);
      if (killed !== this.state) this.logger.warn({ killed }, killed ? 'service worker kill switch is ON' : 'service worker kill switch is off');
      this.state = killed;
    } catch (error) {
      this.logger.warn({ err: error }, 'could not read the service worker kill switch');
    }
  }

  close(): void {
    clearInterval(this.timer);
  }
}
