import { loadSession } from '../../session';
import { match } from '../../router';
import type { Feature } from '../feature';
import { SIGNALS_DICTIONARIES } from './dictionary';
import { DeadLettersPage } from './dead-letters';
import { MembersPage } from './members';
import { NotificationBell } from './notifications';
import { PortalListPage, PortalSubmitPage } from './portal';
import { PublicSignalPage } from './public-form';
import { QueuePage, SignalByIdPage } from './queue';
import { RecordSignalPage } from './record';
import { MEMBER_ADMIN_ROLES, STAFF_ROLES } from './signals-api';
import { StatisticsPage } from './statistics';
import { TriagePage } from './triage';
import './signals.css';

const MEMBER = 'signal_member';

/**
 * Signal system: the member portal (phone-sized, `/portal…`; also the member's start page), the public anonymous
 * form (`/jelzes`, no login), and the staff pages (queues, triage, recording, member register, statistics).
 */
export const signalsFeature: Feature = {
  id: 'signals',
  route(path) {
    let p: Record<string, string> | null;
    // The start page of a portal user is the portal; staff keep theirs. The shell passes no role, the session has it.
    if (path === '/' && loadSession()?.claims.role === MEMBER) return <PortalSubmitPage />;
    if (path === '/portal') return <PortalSubmitPage />;
    if (path === '/portal/signals') return <PortalListPage />;
    if ((p = match('/portal/signals/:id', path))) return <PortalListPage key={p['id']} focusSignalId={p['id']} />;
    if (path === '/operator/notifications') return <DeadLettersPage />;
    if (path === '/signals') return <QueuePage />;
    if (path === '/signals/new') return <RecordSignalPage />;
    if (path === '/signals/members') return <MembersPage />;
    if (path === '/signals/statistics') return <StatisticsPage />;
    if ((p = match('/signals/:signalId', path))) return <SignalByIdPage key={path} signalId={p['signalId'] as string} />;
    if ((p = match('/signals/:site/:reference', path))) return <TriagePage key={path} site={p['site'] as string} reference={p['reference'] as string} />;
    return undefined;
  },
  publicRoute(path, search) {
    if (path === '/jelzes' || path === '/jelzes/') return <PublicSignalPage district={search.get('jaras') ?? undefined} />;
    return undefined;
  },
  nav(lang, role) {
    const t = SIGNALS_DICTIONARIES[lang];
    if (role === MEMBER)
      return [
        { to: '/portal', label: t.navPortalSubmit },
        { to: '/portal/signals', label: t.navPortalList },
      ];
    if (role === 'operator') return [{ to: '/operator/notifications', label: t.navDeadLetters }];
    if (!STAFF_ROLES.has(role)) return [];
    return [
      { to: '/signals', label: t.navQueue },
      { to: '/signals/new', label: t.navRecord },
      ...(MEMBER_ADMIN_ROLES.has(role) ? [{ to: '/signals/members', label: t.navMembers }] : []),
      { to: '/signals/statistics', label: t.navStatistics },
    ];
  },
  shellItem: () => <NotificationBell />,
};
