/**
 * Web push as the server, the worker and the pages agree on it: the topics, and the payload in the
 * Declarative Web Push shape (`{"web_push": 8030, "notification": {…}}`), which Safari 18.4+ shows
 * without the worker and the shop's worker turns into `showNotification` everywhere else.
 */
import type { PushTopic } from './api-types';

// Every runtime has WHATWG URL; this folder compiles without the DOM or Node types that declare it.
interface ParsedUrl {
  href: string;
  origin: string;
  protocol: string;
  pathname: string;
  search: string;
  hash: string;
}
declare const URL: new (url: string, base?: string) => ParsedUrl;

/** Every push topic, in the order the notifications page lists them. */
export const PUSH_TOPICS: readonly PushTopic[] = ['price_drop', 'back_in_stock', 'order_updates', 'offers'];

/** Whether `value` is a push topic. */
export function isPushTopic(value: unknown): value is PushTopic {
  return typeof value === 'string' && (PUSH_TOPICS as readonly string[]).includes(value);
}

/** An action button: Declarative Web Push names its link `navigate`. */
export interface DeclarativeAction {
  action: string;
  title: string;
  navigate: string;
  icon?: string;
}

/** The `notification` member of a declarative push message. */
export interface DeclarativeNotification {
  title: string;
  navigate: string;
  body?: string;
  lang?: string;
  dir?: 'auto' | 'ltr' | 'rtl';
  tag?: string;
  image?: string;
  icon?: string;
  badge?: string;
  timestamp?: number;
  silent?: boolean;
  renotify?: boolean;
  requireInteraction?: boolean;
  actions?: DeclarativeAction[];
  data?: Record<string, unknown>;
}

/** A declarative push message (WebKit's Declarative Web Push; magic number from RFC 8030). */
export interface DeclarativePushMessage {
  web_push: 8030;
  notification: DeclarativeNotification;
  app_badge?: number;
  mutable?: boolean;
}

/** What the worker shows: a title and `showNotification` options, with the link in `data.url`. */
export interface NotificationToShow {
  title: string;
  options: {
    body?: string;
    icon?: string;
    badge?: string;
    image?: string;
    tag?: string;
    lang?: string;
    dir?: 'auto' | 'ltr' | 'rtl';
    timestamp?: number;
    silent?: boolean;
    renotify?: boolean;
    requireInteraction?: boolean;
    actions?: Array<{ action: string; title: string; icon?: string }>;
    data: { url: string; actions: Record<string, string>; [key: string]: unknown };
  };
}

const text = (value: unknown, max: number): string | undefined => (typeof value === 'string' && value.length > 0 ? value.slice(0, max) : undefined);

/**
 * Reads a push message's text as the worker must show it: the declarative shape, or a plain
 * `{title, body, url, icon, badge, image, actions, tag, data}` object, or bare text (shown as the
 * body under the shop's name). Links are resolved against `origin` and kept on it: a push can take
 * the shopper only to the shop's own pages.
 */
export function readPushMessage(raw: string, origin: string, shopName = 'Storefront'): NotificationToShow {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = null;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { title: shopName, options: { body: raw.slice(0, 500) || undefined, data: { url: `${origin}/`, actions: {} } } };
  }
  const message = parsed as Record<string, unknown>;
  const declarative = message.web_push === 8030 && typeof message.notification === 'object' && message.notification !== null;
  const n = (declarative ? message.notification : message) as Record<string, unknown>;
  const link = (value: unknown) => sameOriginUrl(typeof value === 'string' ? value : '/', origin);
  const url = link(declarative ? n.navigate : (n.url ?? (n.data as Record<string, unknown> | undefined)?.url));
  const actions = Array.isArray(n.actions)
    ? (n.actions as unknown[]).filter((a): a is Record<string, unknown> => typeof a === 'object' && a !== null && typeof (a as { title?: unknown }).title === 'string').slice(0, 2)
    : [];
  const actionLinks: Record<string, string> = {};
  actions.forEach((a, i) => {
    const name = text(a.action, 64) ?? `action-${i}`;
    actionLinks[name] = link(a.navigate ?? a.url ?? url);
  });
  const data = typeof n.data === 'object' && n.data !== null && !Array.isArray(n.data) ? (n.data as Record<string, unknown>) : {};
  const dir = n.dir === 'ltr' || n.dir === 'rtl' || n.dir === 'auto' ? n.dir : undefined;
  const options: NotificationToShow['options'] = {
    body: text(n.body, 500),
    icon: optionalLink(n.icon, origin),
    badge: optionalLink(n.badge, origin),
    image: optionalLink(n.image, origin),
    tag: text(n.tag, 128),
    lang: text(n.lang, 35),
    dir,
    timestamp: typeof n.timestamp === 'number' ? n.timestamp : undefined,
    silent: n.silent === true ? true : undefined,
    renotify: n.renotify === true && typeof n.tag === 'string' ? true : undefined,
    requireInteraction: n.requireInteraction === true ? true : undefined,
    actions: actions.length
      ? actions.map((a, i) => {
          const icon = optionalLink(a.icon, origin);
          return { action: text(a.action, 64) ?? `action-${i}`, title: text(a.title, 64)!, ...(icon ? { icon } : {}) };
        })
      : undefined,
    data: { ...data, url, actions: actionLinks },
  };
  for (const key of Object.keys(options) as Array<keyof typeof options>) if (options[key] === undefined) delete options[key];
  return { title: text(n.title, 200) ?? shopName, options };
}

/** `value` resolved against `origin`, or the same path on `origin` when it names another origin. */
export function sameOriginUrl(value: string, origin: string): string {
  let url: ParsedUrl;
  try {
    url = new URL(value, `${origin}/`);
  } catch {
    return `${origin}/`;
  }
  if (url.origin === origin) return url.href;
  // A link to another origin (an old PUBLIC_ORIGIN, a staging host) keeps its path on this one.
  return url.protocol === 'https:' || url.protocol === 'http:' ? `${origin}${url.pathname}${url.search}${url.hash}` : `${origin}/`;
}

function optionalLink(value: unknown, origin: string): string | undefined {
  return typeof value === 'string' && value.length > 0 ? sameOriginUrl(value, origin) : undefined;
}
