/**
 * `npm run sw -- kill | revive | status`: the service-worker kill switch for operators. It writes
 * the store named by DATA_DIR / DATABASE_URL directly, so it works whether the shop is up or down;
 * running servers follow within seconds (they re-read the flag every two seconds).
 */
import { loadConfig } from '../config';
import { openStore } from '../store/database';
import { KILL_SWITCH_POLL_MS } from './kill-switch';
import { readKillSwitch, writeKillSwitch } from './kill-switch-store';
import { runCli } from '../cli';

const USAGE = 'Usage: npm run sw -- kill | revive | status';

async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  if (argv.length !== 1 || (command !== 'kill' && command !== 'revive' && command !== 'status')) {
    console.error(USAGE);
    return 2;
  }
  const store = await openStore(loadConfig());
  try {
    if (command !== 'status') await writeKillSwitch(store.db, command === 'kill', Date.now());
    const killed = await readKillSwitch(store.db);
    const where = store.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite';
    if (command === 'status') console.log(`service worker kill switch: ${killed ? 'ON' : 'off'} (${where})`);
    else if (killed) {
      console.log(`service worker kill switch: ON (${where}). Within ${KILL_SWITCH_POLL_MS / 1000} s every server serves the kill worker;`);
      console.log('each browser drops its worker and caches on its next page load. Undo with `npm run sw -- revive`.');
    } else console.log(`service worker kill switch: off (${where}). Browsers install a fresh worker on their next page load.`);
    return 0;
  } finally {
    await store.close();
  }
}

runCli(main);
