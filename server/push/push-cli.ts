/**
 * `npm run push -- campaign --title … --body … --url … [--topic offers] [--category <slug>]
 * [--has-account yes|no] [--wait]` and `npm run push -- list`: operators' campaigns from a
 * terminal. The campaign is written to the store named by DATA_DIR / DATABASE_URL; a running
 * server sends it within seconds (or when quiet hours end), recording outcomes in telemetry.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { AppError } from '../errors/app-error';
import { openStore } from '../store/database';
import { POLL_MS } from './campaigns/campaign-runner';
import { getCampaign, listCampaigns, toCampaign } from './campaigns/campaign-store';
import { createCampaign } from './campaigns/create-campaign';
import { runCli } from '../cli';

const USAGE = `Usage:
  npm run push -- campaign --title <text> --body <text> --url </path> [--topic offers|price_drop|back_in_stock|order_updates]
                           [--category <slug>] [--has-account yes|no] [--wait]
  npm run push -- list`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'campaign' && command !== 'list') {
    console.error(USAGE);
    return 2;
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: rest,
      options: { title: { type: 'string' }, body: { type: 'string' }, url: { type: 'string' }, topic: { type: 'string' }, category: { type: 'string' }, 'has-account': { type: 'string' }, wait: { type: 'boolean' } },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const store = await openStore(config);
  try {
    if (command === 'list') {
      for (const c of (await listCampaigns(store.db, 20)).map(toCampaign)) {
        console.log(`${new Date(c.createdAt).toISOString()}  ${c.id}  ${c.status.padEnd(9)}  ${c.title}${c.counts ? `  (${formatCounts(c.counts)})` : ''}`);
      }
      return 0;
    }
    const hasAccount = values['has-account'];
    if (hasAccount !== undefined && hasAccount !== 'yes' && hasAccount !== 'no') {
      console.error('--has-account takes yes or no');
      return 2;
    }
    const input = {
      title: values.title,
      body: values.body,
      url: values.url,
      ...(values.topic ? { topic: values.topic } : {}),
      segment: { ...(values.category ? { categoryViewed: values.category } : {}), ...(hasAccount ? { hasAccount: hasAccount === 'yes' } : {}) },
    };
    const campaign = await createCampaign({ store, config, now: Date.now }, null, input);
    const when = campaign.sendAt > campaign.createdAt ? `after quiet hours, at ${new Date(campaign.sendAt).toISOString()}` : `within ${POLL_MS / 1000} s by a running server`;
    console.log(`campaign ${campaign.id} scheduled: sent ${when}.`);
    if (!values.wait) return 0;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const row = await getCampaign(store.db, campaign.id);
      const now = row && toCampaign(row);
      if (now && (now.status === 'sent' || now.status === 'failed')) {
        console.log(`campaign ${now.id} ${now.status}: ${now.counts ? formatCounts(now.counts) : ''}`);
        return now.status === 'sent' ? 0 : 1;
      }
    }
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  } finally {
    await store.close();
  }
}

function formatCounts(counts: { targeted: number; delivered: number; capped: number; gone: number; failed: number }): string {
  return `${counts.targeted} targeted, ${counts.delivered} delivered, ${counts.capped} capped, ${counts.gone} gone, ${counts.failed} failed`;
}

runCli(main);
