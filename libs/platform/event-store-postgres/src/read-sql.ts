import { EVENT_COLUMNS } from './event-rows.js';

export const readStreamSql = (s: string, backwards: boolean): string =>
  backwards
    ? `SELECT ${EVENT_COLUMNS} FROM ${s}.events e
       WHERE e.stream_id = $1 AND ($2::bigint IS NULL OR e.stream_version <= $2::bigint)
       ORDER BY e.stream_version DESC LIMIT $3`
    : `SELECT ${EVENT_COLUMNS} FROM ${s}.events e
       WHERE e.stream_id = $1 AND e.stream_version >= coalesce($2::bigint, 0)
       ORDER BY e.stream_version LIMIT $3`;

/**
 * The first forward page of a stream read without decryption, plus — on its first row only — the wrapped keys of the
 * data subjects its events hold personal data of: a command that folds a stream without decrypting it usually seals
 * new personal data of the same subject next, and finds the key in the cache instead of asking again (one round trip
 * per command less). Shredded subjects have no key row and stay absent.
 */
export const readStreamWithKeysSql = (s: string): string =>
  `WITH ev AS (
     SELECT ${EVENT_COLUMNS} FROM ${s}.events e
     WHERE e.stream_id = $1 AND e.stream_version >= coalesce($2::bigint, 0)
     ORDER BY e.stream_version LIMIT $3
   ), ks AS (
     SELECT array_agg(k.subject_id) AS key_subjects, array_agg(k.wrapped_key) AS wrapped_keys FROM ${s}.subject_keys k
     WHERE k.subject_id IN (SELECT jsonb_object_keys(ev.personal) FROM ev WHERE jsonb_typeof(ev.personal) = 'object')
   )
   SELECT ev.*, CASE WHEN ev.stream_version::bigint = (SELECT min(stream_version::bigint) FROM ev) THEN ks.key_subjects END AS key_subjects,
     CASE WHEN ev.stream_version::bigint = (SELECT min(stream_version::bigint) FROM ev) THEN ks.wrapped_keys END AS wrapped_keys
   FROM ev CROSS JOIN ks ORDER BY ev.stream_version::bigint`;

// Only rows of transactions older than every running one: nothing can later commit below what a reader has seen
// (EVENTSTORE.md §7.3). Page and head come from one statement, hence one snapshot.
const HORIZON = `horizon AS MATERIALIZED (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)`;

export const headSql = (s: string): string =>
  `WITH ${HORIZON}
   SELECT e.tx_id::text AS tx, e.position::text AS position FROM ${s}.events e, horizon h
   WHERE e.tx_id < h.xmin ORDER BY e.tx_id DESC, e.position DESC LIMIT 1`;

export const readAllSql = (s: string): string =>
  `WITH ${HORIZON},
   head AS (
     SELECT e.tx_id::text AS head_tx, e.position::text AS head_pos FROM ${s}.events e, horizon h
     WHERE e.tx_id < h.xmin ORDER BY e.tx_id DESC, e.position DESC LIMIT 1
   ),
   page AS (
     SELECT ${EVENT_COLUMNS}, e.tx_id AS sort_tx, e.position AS sort_pos FROM ${s}.events e, horizon h
     WHERE (e.tx_id, e.position) > ($1::text::xid8, $2::bigint) AND e.tx_id < h.xmin
       AND ($4::text[] IS NULL OR e.type = ANY($4::text[]))
     ORDER BY e.tx_id, e.position LIMIT $3
   )
   SELECT page.*, head.head_tx, head.head_pos FROM head LEFT JOIN page ON true
   ORDER BY page.sort_tx, page.sort_pos`;
