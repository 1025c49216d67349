/** What this browser remembers about push: the "not now", views, categories and its topics. */
import type { PushTopic } from '../../../../shared/api-types';

const KEYS = {
  notNowUntil: 'sf.push.notNowUntil',
  views: 'sf.push.views',
  categories: 'sf.push.categories',
  topics: 'sf.push.topics',
} as const;

type Key = keyof typeof KEYS;

/** A stored JSON value, or `fallback` when missing, malformed or storage is blocked. */
export function readLocal<T>(key: Key, fallback: T): T {
  try {
    const raw = window.localStorage.getItem(KEYS[key]);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
}

/** Stores a JSON value (null removes it); silently skipped where storage is blocked. */
export function writeLocal(key: Key, value: unknown): void {
  try {
    if (value === null) window.localStorage.removeItem(KEYS[key]);
    else window.localStorage.setItem(KEYS[key], JSON.stringify(value));
  } catch {
    // Private modes may refuse storage: the shop then asks again next time, no harm done.
  }
}

/** The topics this device was subscribed with, or null when it is not subscribed. */
export function localTopics(): PushTopic[] | null {
  const topics = readLocal<unknown>('topics', null);
  return Array.isArray(topics) ? (topics as PushTopic[]) : null;
}
