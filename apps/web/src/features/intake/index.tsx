import { DICTIONARIES } from '../../i18n';
import { CorrectClientPage } from '../../pages/client-correct';
import { EraseClientPage } from '../../pages/client-erase';
import { ClientFilePage } from '../../pages/client-file';
import { MergeClientsPage } from '../../pages/client-merge';
import { ContactChangePage } from '../../pages/contact-correct';
import { GroupSessionPage } from '../../pages/group-session';
import { LogContactPage } from '../../pages/log-contact';
import { NaploPage } from '../../pages/naplo';
import { RegisterPage } from '../../pages/register';
import { SearchPage } from '../../pages/search';
import { match } from '../../router';
import type { Feature } from '../feature';
import { INTAKE_FORMS_DICTIONARIES } from './dictionary';
import './intake.css';

const STAFF = new Set(['settlement_worker', 'district_worker', 'case_manager', 'head']);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Intake: client register, client file, contact logging, corrections, merges, erasure and the forgalmi napló. */
export const intakeFeature: Feature = {
  id: 'intake',
  route(path, search) {
    let p: Record<string, string> | null;
    if (path === '/' || path === '/clients') return <SearchPage />;
    if (path === '/clients/new') return <RegisterPage />;
    if (path === '/contact') return <LogContactPage />;
    if (path === '/group-session') return <GroupSessionPage />;
    if (path === '/naplo') return <NaploPage />;
    if ((p = match('/contacts/:site/:id/:action', path)) && (p['action'] === 'correct' || p['action'] === 'void')) {
      const date = search.get('date') ?? '';
      if (!DAY.test(date)) return undefined;
      const clientId = search.get('client');
      const client = clientId ? { clientId, site: search.get('clientSite') ?? (p['site'] as string) } : undefined;
      const key = `${p['action']}-${p['id']}`;
      return <ContactChangePage key={key} site={p['site'] as string} contactId={p['id'] as string} date={date} client={client} action={p['action']} />;
    }
    if ((p = match('/clients/:site/:id/contact', path))) return <LogContactPage site={p['site']} clientId={p['id']} />;
    if ((p = match('/clients/:site/:id/correct', path))) return <CorrectClientPage key={p['id']} site={p['site'] as string} clientId={p['id'] as string} />;
    if ((p = match('/clients/:site/:id/erase', path))) return <EraseClientPage key={p['id']} site={p['site'] as string} clientId={p['id'] as string} />;
    if ((p = match('/clients/:site/:id/merge', path)))
      return (
        <MergeClientsPage
          key={`${p['id']}-${search.get('other') ?? ''}`}
          site={p['site'] as string}
          clientId={p['id'] as string}
          otherId={search.get('other') ?? undefined}
          otherSite={search.get('otherSite') ?? undefined}
        />
      );
    if ((p = match('/clients/:site/:id', path)))
      return <ClientFilePage key={p['id']} site={p['site'] as string} clientId={p['id'] as string} />;
    return undefined;
  },
  nav(lang, role) {
    if (!STAFF.has(role)) return [];
    const t = DICTIONARIES[lang];
    return [
      { to: '/clients', label: t.navSearch },
      { to: '/clients/new', label: t.navRegister },
      { to: '/contact', label: t.navAnonymous },
      { to: '/group-session', label: INTAKE_FORMS_DICTIONARIES[lang].navGroupSession },
      { to: '/naplo', label: t.navNaplo },
    ];
  },
};
