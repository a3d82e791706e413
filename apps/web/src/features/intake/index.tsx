import { DICTIONARIES } from '../../i18n';
import { ClientFilePage } from '../../pages/client-file';
import { LogContactPage } from '../../pages/log-contact';
import { NaploPage } from '../../pages/naplo';
import { RegisterPage } from '../../pages/register';
import { SearchPage } from '../../pages/search';
import { match } from '../../router';
import type { Feature } from '../feature';

const STAFF = new Set(['settlement_worker', 'district_worker', 'case_manager', 'head']);

/** Intake: client register, client file, contact logging and the forgalmi napló. */
export const intakeFeature: Feature = {
  id: 'intake',
  route(path) {
    let p: Record<string, string> | null;
    if (path === '/' || path === '/clients') return <SearchPage />;
    if (path === '/clients/new') return <RegisterPage />;
    if (path === '/contact') return <LogContactPage />;
    if (path === '/naplo') return <NaploPage />;
    if ((p = match('/clients/:site/:id/contact', path))) return <LogContactPage site={p['site']} clientId={p['id']} />;
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
      { to: '/naplo', label: t.navNaplo },
    ];
  },
};
