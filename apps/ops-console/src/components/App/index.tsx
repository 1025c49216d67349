/**
 * The console's frame: top bar with tabs, saved dashboards and sharing. The URL is the state:
 * `/ops/console/d/<id>` is a saved dashboard, `/ops/console#view=…` an unsaved one, `/ops/console/fql` FQL,
 * `/ops/console/push` push campaigns.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, type DashboardSummary } from '../../api';
import { starterDashboard } from '../../model/defaults';
import { decodeView, encodeView } from '../../model/view-url';
import type { DashboardDoc } from '../../model/widget';
import { DashboardView } from '../DashboardView';
import { FqlTab } from '../FqlTab';
import { PushTab } from '../PushTab';

type Route = { tab: 'dashboard' | 'fql' | 'push'; id: string | null };

function readRoute(): Route {
  if (location.pathname.startsWith('/ops/console/fql')) return { tab: 'fql', id: null };
  if (location.pathname.startsWith('/ops/console/push')) return { tab: 'push', id: null };
  const match = /^\/ops\/console\/d\/([A-Za-z0-9_-]+)/.exec(location.pathname);
  return { tab: 'dashboard', id: match ? match[1]! : null };
}

export function App() {
  const [route, setRoute] = useState<Route>(readRoute);
  const [doc, setDoc] = useState<DashboardDoc | null>(null);
  const [savedJson, setSavedJson] = useState<string | null>(null);
  const [saved, setSaved] = useState<DashboardSummary[]>([]);
  const [notice, setNotice] = useState<{ text: string; error?: boolean; link?: string } | null>(null);

  const go = useCallback((path: string) => {
    history.pushState(null, '', path);
    setRoute(readRoute());
  }, []);
  const refreshList = useCallback(() => api.listDashboards().then(setSaved, () => undefined), []);

  useEffect(() => {
    const onPop = () => setRoute(readRoute());
    addEventListener('popstate', onPop);
    void refreshList();
    return () => removeEventListener('popstate', onPop);
  }, [refreshList]);

  // Load what the URL names whenever it changes.
  useEffect(() => {
    if (route.tab !== 'dashboard') return;
    if (!route.id) {
      setSavedJson(null);
      setDoc((current) => current && !savedJson ? current : decodeView(location.hash) ?? starterDashboard());
      return;
    }
    let live = true;
    api.getDashboard(route.id).then(
      ({ name, description, widgets }) => {
        if (!live) return;
        const loaded = { name, description, widgets };
        setDoc(loaded);
        setSavedJson(JSON.stringify(loaded));
      },
      (e: Error) => live && setNotice({ text: `Could not open this dashboard: ${e.message}`, error: true }),
    );
    return () => {
      live = false;
    };
  }, [route]);

  // An unsaved view lives in the URL fragment, so reloading or sharing the address keeps it.
  useEffect(() => {
    if (doc && route.tab === 'dashboard' && !route.id) history.replaceState(null, '', '/ops/console' + encodeView(doc));
  }, [doc, route]);

  const dirty = doc !== null && savedJson !== JSON.stringify(doc);
  const save = async (asNew: boolean) => {
    if (!doc) return;
    try {
      const result = route.id && !asNew ? await api.updateDashboard(route.id, doc) : await api.createDashboard(doc);
      setSavedJson(JSON.stringify({ name: result.name, description: result.description, widgets: result.widgets }));
      setNotice({ text: `Saved “${result.name}”.` });
      void refreshList();
      if (result.id !== route.id) go(`/ops/console/d/${result.id}`);
    } catch (e) {
      setNotice({ text: `Not saved: ${e instanceof Error ? e.message : String(e)}`, error: true });
    }
  };
  const remove = async () => {
    if (!route.id || !confirm('Delete this dashboard for every operator?')) return;
    await api.deleteDashboard(route.id).catch(() => undefined);
    void refreshList();
    setSavedJson(null);
    go('/ops/console');
  };
  const share = () => {
    const link = route.id && !dirty ? `${location.origin}/ops/console/d/${route.id}` : `${location.origin}/ops/console${doc ? encodeView(doc) : ''}`;
    void navigator.clipboard?.writeText(link).catch(() => undefined);
    setNotice({ text: route.id && !dirty ? 'Link to the saved dashboard:' : 'Link to this unsaved view:', link });
  };

  return (
    <div className="app">
      <nav className="topbar">
        <a className="brand" href="/ops/console" onClick={(e) => (e.preventDefault(), go('/ops/console'))}>
          <span className="logo">◆</span> storefront-lite <span className="muted">ops</span>
        </a>
        <div className="tabs" role="tablist">
          <button role="tab" aria-selected={route.tab === 'dashboard'} onClick={() => go(route.id ? `/ops/console/d/${route.id}` : '/ops/console')}>
            Dashboards
          </button>
          <button role="tab" aria-selected={route.tab === 'fql'} onClick={() => go('/ops/console/fql')}>
            FQL
          </button>
          <button role="tab" aria-selected={route.tab === 'push'} onClick={() => go('/ops/console/push')}>
            Push
          </button>
        </div>
        <a className="tab-link" href="/ops/catalog/images">Product images</a>
        <span className="grow" />
        {route.tab === 'dashboard' && (
          <>
            <select aria-label="Saved dashboards" value={route.id ?? ''} onChange={(e) => go(e.target.value ? `/ops/console/d/${e.target.value}` : '/ops/console')}>
              <option value="">{route.id ? 'New view' : 'Unsaved view'}</option>
              {saved.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name} ({d.widgets})
                </option>
              ))}
            </select>
            <button type="button" className={dirty ? 'primary' : undefined} onClick={() => void save(false)}>
              {route.id ? (dirty ? 'Save changes' : 'Saved') : 'Save'}
            </button>
            {route.id && (
              <>
                <button type="button" onClick={() => void save(true)}>Save as copy</button>
                <button type="button" className="danger" onClick={() => void remove()}>Delete</button>
              </>
            )}
            <button type="button" onClick={share}>Share</button>
          </>
        )}
        <form method="post" action="/ops/logout">
          <button type="submit" className="link">Sign out</button>
        </form>
      </nav>
      {notice && (
        <div className={notice.error ? 'notice error' : 'notice'} role="status">
          {notice.text} {notice.link && <input readOnly value={notice.link} onFocus={(e) => e.target.select()} />}
          <button type="button" className="icon" aria-label="Dismiss" onClick={() => setNotice(null)}>✕</button>
        </div>
      )}
      <main>{route.tab === 'fql' ? <FqlTab /> : route.tab === 'push' ? <PushTab /> : doc ? <DashboardView doc={doc} onChange={setDoc} /> : <p className="empty big">Loading…</p>}</main>
    </div>
  );
}
