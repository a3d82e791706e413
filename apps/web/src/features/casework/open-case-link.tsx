import { Link } from '../../router';
import { useSession } from '../../session';
import { useCasework } from './dictionary';

const CASE_WORKERS = new Set(['settlement_worker', 'district_worker', 'case_manager', 'head']);

/** The client file's way into casework: gondozásba vétel of this client (or its family). */
export function OpenCaseLink({ site, clientId }: { site: string; clientId: string }) {
  const c = useCasework();
  const { session } = useSession();
  if (!CASE_WORKERS.has(session.claims.role)) return null;
  return (
    <Link className="button" to={`/clients/${site}/${clientId}/cases/new`}>
      {c.openCase}
    </Link>
  );
}
