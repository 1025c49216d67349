/** The console's calls: the Foxtrot analytics and FQL API, the saved-dashboards API and push campaigns. */
import type { DashboardDoc, SavedDashboard } from './model/widget';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface FqlTable {
  headers: { name: string; maxLength: number }[];
  rows: Record<string, string | number | boolean | null>[];
}
/** A push campaign as `/ops/api/push/campaigns` answers it. */
export interface PushCampaignView {
  id: string;
  title: string;
  body: string;
  url: string;
  topic: string;
  segment: { categoryViewed?: string; hasAccount?: boolean };
  status: string;
  createdAt: number;
  sendAt: number;
  counts: { targeted: number; delivered: number; capped: number; gone: number; failed: number } | null;
}

export interface DashboardSummary {
  id: string;
  name: string;
  widgets: number;
  updatedAt: number;
}

async function call<T>(method: string, url: string, body?: unknown, contentType = 'application/json'): Promise<T> {
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': contentType }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  if (res.status === 401) {
    // The session ran out: log in again and come back to this very view.
    location.assign(`/ops/login?next=${encodeURIComponent(location.pathname + location.search)}`);
    throw new ApiError(401, 'operator-required', 'Signed out');
  }
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok) throw new ApiError(res.status, json?.error?.code ?? 'error', json?.error?.message ?? `HTTP ${res.status}`);
  return json as T;
}

export const api = {
  analytics: (request: Record<string, unknown>) => call<Record<string, unknown>>('POST', '/foxtrot/v1/analytics', request),
  fql: (query: string) => call<FqlTable>('POST', '/foxtrot/v1/fql', query, 'text/plain'),
  fqlDownloadUrl: (query: string) => `/foxtrot/v1/fql/download?q=${encodeURIComponent(query)}`,
  tables: () => call<{ name: string; ttl: number }[]>('GET', '/foxtrot/v1/tables'),
  listDashboards: () => call<{ dashboards: DashboardSummary[] }>('GET', '/ops/api/dashboards').then((r) => r.dashboards),
  getDashboard: (id: string) => call<SavedDashboard>('GET', `/ops/api/dashboards/${encodeURIComponent(id)}`),
  createDashboard: (doc: DashboardDoc) => call<SavedDashboard>('POST', '/ops/api/dashboards', doc),
  updateDashboard: (id: string, doc: DashboardDoc) => call<SavedDashboard>('PUT', `/ops/api/dashboards/${encodeURIComponent(id)}`, doc),
  deleteDashboard: (id: string) => call<void>('DELETE', `/ops/api/dashboards/${encodeURIComponent(id)}`),
  listCampaigns: () => call<{ campaigns: PushCampaignView[] }>('GET', '/ops/api/push/campaigns').then((r) => r.campaigns),
  createCampaign: (body: Record<string, unknown>) => call<{ campaign: PushCampaignView }>('POST', '/ops/api/push/campaigns', body).then((r) => r.campaign),
};
