/**
 * Push campaigns: a form for a new one (title, text, link, topic, segment) and the campaigns so far
 * with how they went. Sending, the frequency cap and quiet hours are the server's (POST
 * /ops/api/push/campaigns); delivery and clicks per campaign are in tables `push` and `storefront`.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, type PushCampaignView } from '../../api';

const TOPICS = ['offers', 'price_drop', 'back_in_stock', 'order_updates'] as const;

export function PushTab() {
  const [campaigns, setCampaigns] = useState<PushCampaignView[]>([]);
  const [form, setForm] = useState({ title: '', body: '', url: '/', topic: 'offers', categoryViewed: '', hasAccount: '' });
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [sending, setSending] = useState(false);

  const refresh = useCallback(() => api.listCampaigns().then(setCampaigns, () => undefined), []);
  useEffect(() => void refresh(), [refresh]);

  const send = async () => {
    setSending(true);
    setMessage(null);
    try {
      const segment = { ...(form.categoryViewed ? { categoryViewed: form.categoryViewed } : {}), ...(form.hasAccount ? { hasAccount: form.hasAccount === 'yes' } : {}) };
      const campaign = await api.createCampaign({ title: form.title, body: form.body, url: form.url, topic: form.topic, segment });
      setMessage({ text: campaign.sendAt > campaign.createdAt ? `Scheduled for ${new Date(campaign.sendAt).toLocaleString()}, after quiet hours.` : 'Sending now.' });
      setTimeout(() => void refresh(), 1500);
      void refresh();
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), error: true });
    } finally {
      setSending(false);
    }
  };
  const field = (name: keyof typeof form) => ({ value: form[name], onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }) });

  return (
    <div className="push">
      <section className="card">
        <header>
          <h2>New campaign</h2>
        </header>
        <div className="card-body form-grid">
          <label className="field wide">
            Title <input maxLength={80} {...field('title')} />
          </label>
          <label className="field wide">
            Text <input maxLength={300} {...field('body')} />
          </label>
          <label className="field">
            Opens <input {...field('url')} placeholder="/mobiles/pr" />
          </label>
          <label className="field">
            Topic
            <select {...field('topic')}>
              {TOPICS.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
          <label className="field">
            Viewed category <input {...field('categoryViewed')} placeholder="any" />
          </label>
          <label className="field">
            Account
            <select {...field('hasAccount')}>
              <option value="">anyone</option>
              <option value="yes">signed-in shoppers</option>
              <option value="no">guests</option>
            </select>
          </label>
          <div className="field check">
            <button type="button" className="primary" disabled={sending || !form.title.trim() || !form.body.trim()} onClick={() => void send()}>
              {sending ? 'Sending…' : 'Send campaign'}
            </button>
          </div>
        </div>
        {message && <p className={message.error ? 'error' : 'sub'} role="status">{message.text}</p>}
      </section>
      <section className="card">
        <header>
          <h2>Campaigns</h2>
          <button type="button" onClick={() => void refresh()}>Refresh</button>
        </header>
        <div className="card-body result-table">
          {campaigns.length === 0 ? (
            <p className="empty">No campaigns yet.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>Created</th><th>Title</th><th>Topic</th><th>Segment</th><th>Status</th><th>Targeted</th><th>Delivered</th><th>Capped</th><th>Gone</th><th>Failed</th>
                </tr>
              </thead>
              <tbody>
                {campaigns.map((c) => (
                  <tr key={c.id}>
                    <td>{new Date(c.createdAt).toLocaleString()}</td>
                    <td title={c.body}>{c.title}</td>
                    <td>{c.topic}</td>
                    <td>{[c.segment.categoryViewed, c.segment.hasAccount === undefined ? null : c.segment.hasAccount ? 'signed in' : 'guests'].filter(Boolean).join(', ') || 'all'}</td>
                    <td>{c.status}</td>
                    {(['targeted', 'delivered', 'capped', 'gone', 'failed'] as const).map((k) => (
                      <td key={k} className="num">{c.counts ? c.counts[k] : ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </section>
    </div>
  );
}
