import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { navigate, useLocation } from '../../router';
import { ErrorMessage } from '../../ui';
import { useSignalsT } from './dictionary';
import { formatInstant } from './signals-api';

/** One in-app notification (notification service, GET /notifications). */
interface NotificationItem {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly text: string;
  readonly reference?: string;
  readonly signalId?: string;
  readonly link?: string;
  readonly createdAt: string;
  readonly readAt: string | null;
}

interface Inbox {
  readonly items: readonly NotificationItem[];
  readonly unread: number;
  readonly next: string | null;
}

/** New notifications show up within this long without a reload; opening the list always fetches. */
const REFRESH_MS = 30_000;

/** The unread count in the shell header and the list of the latest notifications (staff and members alike). */
export function NotificationBell() {
  const t = useSignalsT();
  const { lang } = useI18n();
  const path = useLocation().pathname;
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);

  const load = useCallback(async () => {
    try {
      setInbox(await api<Inbox>('/notifications', { query: { limit: '20' } }));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load, path]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const toggle = () => {
    if (!open) void load();
    setOpen(!open);
  };
  const openItem = async (n: NotificationItem) => {
    if (!n.readAt) await api(`/notifications/${n.id}/read`, { method: 'POST' }).catch(() => undefined);
    setOpen(false);
    if (n.link) navigate(n.link);
    void load();
  };
  const readAll = async () => {
    await api('/notifications/read-all', { method: 'POST' }).catch(setError);
    await load();
    button.current?.focus();
  };

  const unread = inbox?.unread ?? 0;
  return (
    <div className="sig-bell" onKeyDown={(e) => e.key === 'Escape' && open && close()}>
      <button ref={button} type="button" className="sig-bell-button" aria-expanded={open} aria-controls={panelId} onClick={toggle}>
        {t.notifications}
        <span className="sig-count" data-testid="notification-count">
          {unread}
        </span>
        <span className="sig-visually-hidden">{t.unread}</span>
      </button>
      {open && (
        <div id={panelId} className="sig-bell-panel" role="region" aria-label={t.notifications}>
          <ErrorMessage error={error} />
          {inbox && inbox.items.length === 0 && <p>{t.noNotifications}</p>}
          <ul>
            {inbox?.items.map((n) => (
              <li key={n.id} className={n.readAt ? undefined : 'sig-unread'}>
                <button type="button" className="sig-link-button" onClick={() => void openItem(n)}>
                  <strong>{n.title}</strong>
                </button>
                <span>{n.text}</span>
                <span className="hint">{formatInstant(n.createdAt, lang)}</span>
              </li>
            ))}
          </ul>
          {unread > 0 && (
            <button type="button" className="secondary" onClick={() => void readAll()}>
              {t.markRead}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
