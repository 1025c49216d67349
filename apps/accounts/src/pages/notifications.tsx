/**
 * Notifications: this device (turn on, its topics, turn off) and the account's other devices
 * (their topics, remove). Turning on asks the browser from the tap itself; on iOS Safari in a tab
 * it coaches installing first, as push reaches only the Home Screen app.
 */
import {
  apiRequest,
  Button,
  currentSubscription,
  messageOf,
  PUSH_TOPICS,
  PushDeniedError,
  pushAvailability,
  readPushEnvironment,
  requestPushPermission,
  setDeviceTopics,
  subscribePush,
  TOPIC_LABELS,
  unsubscribePush,
  type PushAvailability,
  type PushDevice,
  type PushDeviceList,
  type PushTopic,
} from '@storefront/kit';
import { useCallback, useEffect, useState } from 'react';
import { AccountFrame, PageHeading } from '../components/PageFrame';
import './notifications.css';

/** Topics a device gets when it is turned on here; offers wait for the shopper's own tick. */
const DEFAULT_TOPICS: PushTopic[] = ['price_drop', 'back_in_stock', 'order_updates'];

export default function NotificationsPage(): React.ReactNode {
  return <AccountFrame title="Notifications">{() => <Notifications />}</AccountFrame>;
}

interface Loaded {
  availability: PushAvailability;
  /** This browser holds a subscription that the server knows as this device. */
  subscribed: boolean;
  devices: PushDevice[];
}

function Notifications(): React.ReactNode {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const [list, subscription] = await Promise.all([apiRequest<PushDeviceList>('push/subscriptions'), currentSubscription()]);
    const here = list.devices.find((device) => device.current);
    setLoaded({ availability: pushAvailability(readPushEnvironment()), subscribed: Boolean(here && subscription), devices: list.devices });
  }, []);
  useEffect(() => {
    load().catch((failure: unknown) => setError(messageOf(failure)));
  }, [load]);

  const run = (work: () => Promise<unknown>): void => {
    setBusy(true);
    setError(null);
    work()
      .then(load)
      .catch((failure: unknown) => setError(failure instanceof PushDeniedError ? failure.message : messageOf(failure)))
      .finally(() => setBusy(false));
  };

  if (!loaded) {
    return (
      <>
        <PageHeading>Notifications</PageHeading>
        <div className="acc-panel card" aria-busy="true">
          {error ? <p className="form-error" role="alert">{error}</p> : <span className="sk-box" style={{ height: 96 }} />}
        </div>
      </>
    );
  }
  const here = loaded.devices.find((device) => device.current);
  const others = loaded.devices.filter((device) => !device.current);
  return (
    <>
      <PageHeading>Notifications</PageHeading>
      <section className="acc-panel card" aria-labelledby="push-this-device">
        <h2 id="push-this-device" className="acc-panel-title">
          This device
        </h2>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {loaded.subscribed && here ? (
          <>
            <Topics topics={here.topics} disabled={busy} testPrefix="push-topic" onChange={(topics) => run(() => setDeviceTopics(topics))} />
            <Button variant="outline" disabled={busy} data-testid="push-turn-off" onClick={() => run(unsubscribePush)}>
              Turn off on this device
            </Button>
          </>
        ) : (
          <TurnOn availability={loaded.availability} busy={busy} onTurnOn={() => {
            // The browser's question needs this tap: ask before anything else is awaited.
            const permission = requestPushPermission();
            run(async () => {
              if ((await permission) !== 'granted') throw new PushDeniedError();
              await subscribePush(DEFAULT_TOPICS);
            });
          }} />
        )}
      </section>
      {others.length > 0 && (
        <section className="acc-panel card" aria-labelledby="push-other-devices">
          <h2 id="push-other-devices" className="acc-panel-title">
            Your other devices
          </h2>
          <ul className="push-devices">
            {others.map((device) => (
              <li key={device.id} className="push-device" data-testid="push-device">
                <p className="push-device-name">
                  {device.label} <span className="acc-muted">since {new Date(device.createdAt).toLocaleDateString('en-IN', { day: 'numeric', month: 'short', year: 'numeric' })}</span>
                </p>
                <Topics
                  topics={device.topics}
                  disabled={busy}
                  testPrefix={`push-device-topic-${device.id}`}
                  onChange={(topics) => run(() => apiRequest(`push/subscriptions/${device.id}`, { method: 'PATCH', body: { topics } }))}
                />
                <Button variant="outline" disabled={busy} onClick={() => run(() => apiRequest(`push/subscriptions/${device.id}`, { method: 'DELETE' }))}>
                  Remove this device
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function TurnOn({ availability, busy, onTurnOn }: { availability: PushAvailability; busy: boolean; onTurnOn(): void }): React.ReactNode {
  if (availability === 'install-first') {
    return (
      <p className="acc-muted" data-testid="push-install-coach">
        On iPhone and iPad, notifications come to the Storefront app on your Home Screen: tap <strong>Share</strong>, then <strong>Add to Home Screen</strong>, open Storefront
        from there and turn them on on this page.
      </p>
    );
  }
  if (availability === 'unsupported') return <p className="acc-muted">This browser cannot show notifications from websites.</p>;
  if (availability === 'denied') return <p className="acc-muted">Notifications are blocked for this site. Allow them in your browser&apos;s site settings, then come back here.</p>;
  return (
    <>
      <p className="acc-muted">Get price drops and restocks of your wishlist, and order updates, even when the shop is closed.</p>
      <Button disabled={busy} data-testid="push-turn-on" onClick={onTurnOn}>
        Turn on notifications
      </Button>
    </>
  );
}

function Topics({ topics, disabled, testPrefix, onChange }: { topics: readonly PushTopic[]; disabled: boolean; testPrefix: string; onChange(next: PushTopic[]): void }): React.ReactNode {
  return (
    <fieldset className="push-topics" disabled={disabled}>
      <legend className="sr-only">Tell me about</legend>
      {PUSH_TOPICS.map((topic) => (
        <label key={topic} className="push-topic">
          <input
            type="checkbox"
            checked={topics.includes(topic)}
            data-testid={`${testPrefix}-${topic}`}
            onChange={(event) => onChange(event.target.checked ? [...topics, topic] : topics.filter((t) => t !== topic))}
          />
          <span>
            <span className="push-topic-label">{TOPIC_LABELS[topic].label}</span>
            <span className="push-topic-note">{TOPIC_LABELS[topic].note}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
