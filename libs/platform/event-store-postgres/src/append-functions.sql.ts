/**
 * The append path: one round trip per call whatever the number of streams and events. No global lock: writers only
 * meet on the `streams` row of the stream they write.
 *
 * `find_prior_append` implements the idempotency rule: the ids are all stored, in this stream, in the given order
 * at consecutive versions → the original result; some stored otherwise → 'duplicate'.
 */
export const appendFunctionsSql = (s: string): string => `
  CREATE OR REPLACE FUNCTION ${s}.find_prior_append(p_stream text, p_ids uuid[],
      OUT status text, OUT next_version bigint, OUT positions bigint[], OUT tx text)
  LANGUAGE plpgsql AS $$
  DECLARE
    r record;
    seen int := 0;
    first_version bigint;
    same boolean := true;
  BEGIN
    positions := '{}';
    FOR r IN
      SELECT e.stream_id, e.stream_version, e.position, e.tx_id, x.ord
      FROM unnest(p_ids) WITH ORDINALITY AS x(id, ord)
      JOIN ${s}.events e ON e.event_id = x.id
      ORDER BY x.ord
    LOOP
      seen := seen + 1;
      first_version := coalesce(first_version, r.stream_version - r.ord + 1);
      IF r.stream_id <> p_stream OR r.ord <> seen OR r.stream_version <> first_version + r.ord - 1 THEN
        same := false;
      END IF;
      positions := positions || r.position;
      next_version := r.stream_version;
      tx := r.tx_id::text;
    END LOOP;
    IF seen > 0 THEN
      status := CASE WHEN same AND seen = cardinality(p_ids) THEN 'idempotent' ELSE 'duplicate' END;
    END IF;
  END $$;

  CREATE OR REPLACE FUNCTION ${s}.append_stream(p_stream text, p_expected text, p_ids uuid[], p_types text[],
      p_schema_versions int[], p_districts text[], p_data jsonb[], p_personal jsonb[], p_metadata jsonb[],
      p_check_first boolean, OUT status text, OUT actual bigint, OUT next_version bigint, OUT positions bigint[], OUT tx text)
  LANGUAGE plpgsql AS $$
  DECLARE
    n bigint := cardinality(p_ids);
  BEGIN
    -- The prior-append lookup costs ~120 µs per call (measured, docs/performance.md). 'no_stream' and exact
    -- versions need it only when their check fails (a retry finds the stream moved), so it runs up front only for
    -- 'any' / 'stream_exists', or when the adapter retries after an event-id collision (p_check_first).
    IF p_check_first OR p_expected IN ('any', 'stream_exists') THEN
      SELECT f.status, f.next_version, f.positions, f.tx INTO status, next_version, positions, tx
        FROM ${s}.find_prior_append(p_stream, p_ids) f;
      IF status IS NOT NULL THEN RETURN; END IF;
    END IF;

    IF p_expected = 'any' THEN
      INSERT INTO ${s}.streams AS st (stream_id, version) VALUES (p_stream, n - 1)
        ON CONFLICT (stream_id) DO UPDATE SET version = st.version + n RETURNING st.version INTO next_version;
    ELSIF p_expected = 'no_stream' OR p_expected = '-1' THEN
      INSERT INTO ${s}.streams (stream_id, version) VALUES (p_stream, n - 1)
        ON CONFLICT (stream_id) DO NOTHING RETURNING version INTO next_version;
    ELSIF p_expected = 'stream_exists' THEN
      UPDATE ${s}.streams SET version = version + n WHERE stream_id = p_stream RETURNING version INTO next_version;
    ELSE
      UPDATE ${s}.streams SET version = version + n
        WHERE stream_id = p_stream AND version = p_expected::bigint RETURNING version INTO next_version;
    END IF;

    IF next_version IS NULL THEN
      -- The writer we waited for may have been an identical retry: then this is its result, not a conflict.
      SELECT f.status, f.next_version, f.positions, f.tx INTO status, next_version, positions, tx
        FROM ${s}.find_prior_append(p_stream, p_ids) f;
      IF status IS NOT NULL THEN RETURN; END IF;
      status := 'conflict';
      actual := coalesce((SELECT st.version FROM ${s}.streams st WHERE st.stream_id = p_stream), -1);
      RETURN;
    END IF;

    WITH inserted AS (
      INSERT INTO ${s}.events
        (event_id, stream_id, stream_version, type, schema_version, district, data, personal, metadata)
      SELECT u.id, p_stream, next_version - n + u.ord, u.type, u.sv, u.district, u.data, u.personal, u.metadata
      FROM unnest(p_ids, p_types, p_schema_versions, p_districts, p_data, p_personal, p_metadata)
        WITH ORDINALITY AS u(id, type, sv, district, data, personal, metadata, ord)
      RETURNING position, stream_version
    )
    SELECT array_agg(i.position ORDER BY i.stream_version) INTO positions FROM inserted i;
    status := 'ok';
    tx := pg_current_xact_id()::text;
  END $$;

  -- Streams arrive sorted by id, so two multi-stream appends lock rows in the same order and cannot deadlock.
  CREATE OR REPLACE FUNCTION ${s}.append_many(p_streams text[], p_expected text[], p_counts int[], p_ids uuid[],
      p_types text[], p_schema_versions int[], p_districts text[], p_data jsonb[], p_personal jsonb[],
      p_metadata jsonb[], p_check_first boolean)
  RETURNS TABLE (res_status text, res_next_version bigint, res_positions bigint[], res_tx text)
  LANGUAGE plpgsql AS $$
  DECLARE
    r record;
    lo int := 1;
    hi int;
  BEGIN
    FOR i IN 1 .. cardinality(p_streams) LOOP
      hi := lo + p_counts[i] - 1;
      SELECT * INTO r FROM ${s}.append_stream(p_streams[i], p_expected[i], p_ids[lo:hi], p_types[lo:hi],
        p_schema_versions[lo:hi], p_districts[lo:hi], p_data[lo:hi], p_personal[lo:hi], p_metadata[lo:hi],
        p_check_first);
      lo := hi + 1;
      IF r.status IN ('conflict', 'duplicate') THEN
        -- Raising undoes the streams already written in this call: all or nothing.
        RAISE EXCEPTION 'append rejected' USING ERRCODE = 'KA409',
          DETAIL = json_build_object('index', i - 1, 'status', r.status, 'actual', r.actual::text)::text;
      END IF;
      res_status := r.status;
      res_next_version := r.next_version;
      res_positions := r.positions;
      res_tx := r.tx;
      RETURN NEXT;
    END LOOP;
  END $$;
`;

/** Migration 0003 (the up-front lookup made conditional): drops the signatures of 0002, recreates the functions. */
export const appendFunctionsV2Sql = (s: string): string => `
  DROP FUNCTION IF EXISTS ${s}.append_many(text[], text[], int[], uuid[], text[], int[], text[], jsonb[], jsonb[], jsonb[]);
  DROP FUNCTION IF EXISTS ${s}.append_stream(text, text, uuid[], text[], int[], text[], jsonb[], jsonb[], jsonb[]);
  ${appendFunctionsSql(s)}
`;
