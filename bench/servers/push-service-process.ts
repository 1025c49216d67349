/**
 * The test push service in a process of its own (its own core), for bench/push-campaign.ts. The
 * parent asks over IPC for subscriptions (some answering 410) and for the counts.
 */
import { startPushService, type TestSubscription } from '../../test/support/push-service';

type Request = { type: 'subscribe'; count: number; goneEvery: number } | { type: 'counts' } | { type: 'close' };

// Like a real push service it does not decrypt what it relays; one push in 50 is decrypted to
// prove the round trip, and a payload that does not decrypt is answered 400 (counted as failed).
const service = await startPushService({ keep: false, decryptEvery: 50 });
process.send!({ type: 'ready', origin: service.origin, caFile: service.caFile });

process.on('message', async (message: Request) => {
  if (message.type === 'subscribe') {
    const subscriptions: TestSubscription[] = [];
    for (let i = 0; i < message.count; i++) subscriptions.push(service.subscribe(i % message.goneEvery === 0 ? [{ status: 410 }] : []));
    process.send!({ type: 'subscriptions', subscriptions });
  } else if (message.type === 'counts') {
    process.send!({ type: 'counts', counts: service.counts });
  } else {
    await service.close();
    process.exit(0);
  }
});
