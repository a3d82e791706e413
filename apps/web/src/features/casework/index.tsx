import { match } from '../../router';
import type { Feature } from '../feature';
import { CasePage } from './case-page';
import { CaseloadPage, OverviewPage } from './caseload';
import { CASEWORK_DICTIONARIES } from './dictionary';
import { OpenCasePage } from './open-case';
import './casework.css';

const CASE_WORKERS = new Set(['settlement_worker', 'district_worker', 'case_manager', 'head']);
const SUPERVISORS = new Set(['district_worker', 'case_manager', 'head']);

/** Casework: gondozásba vétel from the client's file, the esetnapló, the worker's caseload and the head's overview. */
export const caseworkFeature: Feature = {
  id: 'casework',
  route(path, search) {
    let p: Record<string, string> | null;
    if (path === '/cases') return <CaseloadPage workerId={search.get('workerId') ?? undefined} />;
    if (path === '/cases/overview') return <OverviewPage />;
    if ((p = match('/clients/:site/:id/cases/new', path))) return <OpenCasePage key={p['id']} site={p['site'] as string} clientId={p['id'] as string} />;
    if ((p = match('/cases/:site/:caseId', path))) {
      const asOf = search.get('asOf') ?? undefined;
      return <CasePage key={`${p['caseId']}-${asOf ?? ''}`} site={p['site'] as string} caseId={p['caseId'] as string} asOf={asOf} />;
    }
    return undefined;
  },
  nav(lang, role) {
    if (!CASE_WORKERS.has(role)) return [];
    const t = CASEWORK_DICTIONARIES[lang];
    return [{ to: '/cases', label: t.navCaseload }, ...(SUPERVISORS.has(role) ? [{ to: '/cases/overview', label: t.navOverview }] : [])];
  },
};
