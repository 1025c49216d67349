/** A new campaign from an operator (the ops API or the CLI): checked, sized, scheduled after quiet hours. */
import type { PushCampaign } from '../../../shared/api-types';
import type { ServerDeps } from '../../deps';
import { parseInput } from '../../http/validate';
import { assertPayloadFits, declarativePayload } from '../payload';
import type { PushService } from '../push-service';
import { campaignBody } from './campaign-schema';
import { insertCampaign, toCampaign } from './campaign-store';
import { sendTimeAfterQuiet } from './quiet-hours';

/**
 * Stores the campaign and, unless quiet hours hold it, starts sending it on this server (pass no
 * `push` to leave that to a running server, as the CLI does). A payload over 3 KB is refused
 * (400 `push-payload-too-large`) before anything is stored.
 */
export async function createCampaign(deps: Pick<ServerDeps, 'store' | 'config' | 'now'>, push: Pick<PushService, 'campaigns'> | null, input: unknown): Promise<PushCampaign> {
  const { config } = deps;
  const body = parseInput(campaignBody(config.publicOrigin), input, 'campaign');
  const now = deps.now();
  // The id is not known yet; a uuid-sized placeholder measures the payload as it will be.
  const probe = declarativePayload({ kind: 'campaign', title: body.title, body: body.body, url: body.url, tag: `campaign-${'0'.repeat(36)}`, data: { campaignId: '0'.repeat(36) } }, config.publicOrigin, now);
  assertPayloadFits(probe);
  const sendAt = sendTimeAfterQuiet(now, config.push.quietHours, config.push.timeZone);
  const row = await insertCampaign(deps.store.db, body, now, sendAt);
  if (push && sendAt <= now) void push.campaigns.kick();
  return toCampaign(row);
}
