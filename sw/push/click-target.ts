/** Where a notification tap goes: pure, so the choice is unit-tested. */

export interface WindowLike {
  url: string;
  focused: boolean;
}

export type ClickPlan<W> = { kind: 'focus'; client: W } | { kind: 'navigate'; client: W } | { kind: 'open' };

/**
 * A tab already showing the URL is brought forward; else a tab of the shop (the focused one first)
 * is taken to it; with no tab of the shop open, a new window opens.
 */
export function planClick<W extends WindowLike>(clients: readonly W[], url: string, origin: string): ClickPlan<W> {
  const shop = clients.filter((client) => client.url.startsWith(`${origin}/`));
  const same = shop.find((client) => client.url === url);
  if (same) return { kind: 'focus', client: same };
  const tab = shop.find((client) => client.focused) ?? shop[0];
  return tab ? { kind: 'navigate', client: tab } : { kind: 'open' };
}

/** The link of the tapped action, else the notification's own (`data.url`). */
export function clickUrl(data: unknown, action: string, origin: string): string {
  const d = (typeof data === 'object' && data !== null ? data : {}) as { url?: unknown; actions?: Record<string, unknown> };
  const chosen = action && d.actions && typeof d.actions[action] === 'string' ? d.actions[action] : d.url;
  return typeof chosen === 'string' && chosen.startsWith(`${origin}/`) ? chosen : `${origin}/`;
}
