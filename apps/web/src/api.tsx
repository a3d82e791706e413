/** Talks to the gateway's REST API (/api/v1): bearer token, UI language, Idempotency-Key and If-Match. */
export interface ApiErrorBody {
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
}

let token: string | null = null;
let lang = 'hu';

export const setApiToken = (t: string | null) => {
  token = t;
};
export const setApiLang = (l: string) => {
  lang = l;
};

/** A UUID also outside a secure context (crypto.randomUUID needs one). */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PATCH';
  readonly body?: unknown;
  /** The Idempotency-Key of one form submission: a retry of the same submission sends the same key. */
  readonly idempotencyKey?: string;
  /** The version the correction is based on (sent as a strong ETag). */
  readonly ifMatch?: string;
  readonly query?: Record<string, string | undefined>;
}

export function apiUrl(path: string, query?: Record<string, string | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') qs.set(k, v);
  const s = qs.toString();
  return `/api/v1${path}${s ? `?${s}` : ''}`;
}

function headers(o: RequestOptions): Record<string, string> {
  const h: Record<string, string> = { Accept: 'application/json', 'Accept-Language': lang };
  if (token) h['Authorization'] = `Bearer ${token}`;
  // FormData (multipart, e.g. attachments) sets its own Content-Type with the boundary.
  if (o.body !== undefined && !(o.body instanceof FormData)) h['Content-Type'] = 'application/json';
  if (o.idempotencyKey) h['Idempotency-Key'] = o.idempotencyKey;
  if (o.ifMatch !== undefined) h['If-Match'] = `"${o.ifMatch}"`;
  return h;
}

async function failure(res: Response): Promise<ApiError> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as ApiErrorBody;
    if (body && typeof body.code === 'string') return new ApiError(res.status, body);
  } catch {
    // not JSON: fall through to a generic error
  }
  return new ApiError(res.status, { code: `HTTP_${res.status}`, message: text.slice(0, 200) || res.statusText });
}

export async function api<T>(path: string, o: RequestOptions = {}): Promise<T> {
  const res = await fetch(apiUrl(path, o.query), {
    method: o.method ?? 'GET',
    headers: headers(o),
    body: o.body === undefined ? undefined : o.body instanceof FormData ? o.body : JSON.stringify(o.body),
  });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

/** Fetches an export with the token and hands it to the browser as a file download. */
export async function download(path: string, query: Record<string, string | undefined>, fallbackName: string): Promise<void> {
  const res = await fetch(apiUrl(path, query), { headers: { ...headers({}), Accept: '*/*' } });
  if (!res.ok) throw await failure(res);
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; the page keeps at most a few of these.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Command replies carry the checkpoint to pass as `after=` to the next query (read-your-writes). */
export interface CommandReply {
  readonly version: string;
  readonly checkpoint: string;
}
