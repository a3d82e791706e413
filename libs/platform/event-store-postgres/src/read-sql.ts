import { EVENT_COLUMNS } from './event-rows.js';

export const readStreamSql = (s: string, backwards: boolean): string =>
  backwards
    ? `SELECT ${EVENT_COLUMNS} FROM ${s}.events e
       WHERE e.stream_id = $1 AND ($2::bigint IS NULL OR e.stream_version <= $2::bigint)
       ORDER BY e.stream_version DESC LIMIT $3`
    : `SELECT ${EVENT_COLUMNS} FROM ${s}.events e
       WHERE e.stream_id = $1 AND e.stream_version >= coalesce($2::bigint, 0)
       ORDER BY e.stream_version LIMIT $3`;

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
