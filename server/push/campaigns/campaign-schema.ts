/** `POST /ops/api/push/campaigns` and `npm run push -- campaign`: what an operator may send. */
import { z } from 'zod';
import { PUSH_TOPICS } from '../../../shared/push';

/** A link inside the shop: a path, or an absolute URL on the shop's own origin. */
export function isShopLink(value: string, origin: string): boolean {
  if (value.startsWith('/')) return !value.startsWith('//') && !value.includes('\\');
  try {
    return new URL(value).origin === origin;
  } catch {
    return false;
  }
}

/** The campaign body, checked against the shop's origin for its link. */
export function campaignBody(origin: string) {
  return z.strictObject({
    title: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
    body: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
    url: z.string().max(1000, 'is too long').refine((url) => isShopLink(url, origin), 'must be a path of the shop (/…) or a URL on its own origin'),
    topic: z.enum(PUSH_TOPICS as [string, ...string[]], { error: `must be one of ${PUSH_TOPICS.join(', ')}` }).default('offers'),
    segment: z
      .strictObject({
        categoryViewed: z.string().regex(/^[a-z0-9-]{1,60}$/, 'is not a category name').optional(),
        hasAccount: z.boolean().optional(),
      })
      .default({}),
  });
}

export type CampaignInput = z.output<ReturnType<typeof campaignBody>>;
