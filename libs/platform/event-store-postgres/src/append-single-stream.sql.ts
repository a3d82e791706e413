/**
 * Migration 0004: the single-stream fast path. Most appends write one stream (a command handler's decision), so
 * they skip `append_many`'s loop, its nested `append_stream` call and the ten array slices per stream. Same rules
 * and the same result columns and KA409 rejection as `append_many` (index always 0), so the adapter maps both alike.
 *
 * `append_one` takes one event as scalar parameters; `append_events` takes N events of one stream as one jsonb
 * array (`[{id, type, sv, data, personal?, metadata}]`), which the client serialises in a single `JSON.stringify`
 * instead of escaping a `jsonb[]` literal element by element. `append_many` stays for multi-stream units of work.
 */
export const singleStreamAppendSql = (s: string): string => `
  CREATE OR REPLACE FUNCTION ${s}.claim_versions(p_stream text, p_expected text, n bigint) RETURNS bigint
  LANGUAGE plpgsql AS $$
  DECLARE
    v bigint;
  BEGIN
    IF p_expected = 'any' THEN
      INSERT INTO ${s}.streams AS st (stream_id, version) VALUES (p_stream, n - 1)
        ON CONFLICT (stream_id) DO UPDATE SET version = st.version + n RETURNING st.version INTO v;
    ELSIF p_expected = 'no_stream' OR p_expected = '-1' THEN
      INSERT INTO ${s}.streams (stream_id, version) VALUES (p_stream, n - 1)
        ON CONFLICT (stream_id) DO NOTHING RETURNING version INTO v;
    ELSIF p_expected = 'stream_exists' THEN
      UPDATE ${s}.streams SET version = version + n WHERE stream_id = p_stream RETURNING version INTO v;
    ELSE
      UPDATE ${s}.streams SET version = version + n
        WHERE stream_id = p_stream AND version = p_expected::bigint RETURNING version INTO v;
    END IF;
    RETURN v;
  END $$;

  -- The idempotency rule of append_stream for one stream: the prior result, or KA409 (duplicate / conflict).
  CREATE OR REPLACE FUNCTION ${s}.prior_or_reject(p_stream text, p_ids uuid[], p_conflict boolean,
      OUT res_status text, OUT res_next_version bigint, OUT res_positions bigint[], OUT res_tx text)
  LANGUAGE plpgsql AS $$
  DECLARE
    f record;
  BEGIN
    SELECT * INTO f FROM ${s}.find_prior_append(p_stream, p_ids);
    IF f.status = 'idempotent' THEN
      SELECT f.status, f.next_version, f.positions, f.tx INTO res_status, res_next_version, res_positions, res_tx;
      RETURN;
    END IF;
    IF f.status = 'duplicate' OR p_conflict THEN
      RAISE EXCEPTION 'append rejected' USING ERRCODE = 'KA409', DETAIL = json_build_object('index', 0,
        'status', coalesce(f.status, 'conflict'),
        'actual', coalesce((SELECT st.version FROM ${s}.streams st WHERE st.stream_id = p_stream), -1)::text)::text;
    END IF;
  END $$;

  CREATE OR REPLACE FUNCTION ${s}.append_one(p_stream text, p_expected text, p_id uuid, p_type text,
      p_schema_version int, p_data jsonb, p_personal jsonb, p_metadata jsonb, p_check_first boolean,
      OUT res_status text, OUT res_next_version bigint, OUT res_positions bigint[], OUT res_tx text)
  LANGUAGE plpgsql AS $$
  BEGIN
    -- Up front only where a retry would not fail the version check (see append_stream, migration 0003).
    IF p_check_first OR p_expected IN ('any', 'stream_exists') THEN
      SELECT * INTO res_status, res_next_version, res_positions, res_tx
        FROM ${s}.prior_or_reject(p_stream, ARRAY[p_id], false);
      IF res_status IS NOT NULL THEN RETURN; END IF;
    END IF;
    res_next_version := ${s}.claim_versions(p_stream, p_expected, 1);
    IF res_next_version IS NULL THEN
      SELECT * INTO res_status, res_next_version, res_positions, res_tx
        FROM ${s}.prior_or_reject(p_stream, ARRAY[p_id], true);
      RETURN;
    END IF;
    INSERT INTO ${s}.events
      (event_id, stream_id, stream_version, type, schema_version, district, data, personal, metadata)
    VALUES (p_id, p_stream, res_next_version, p_type, p_schema_version, p_metadata->>'district', p_data, p_personal,
      p_metadata)
    RETURNING ARRAY[position] INTO res_positions;
    res_status := 'ok';
    res_tx := pg_current_xact_id()::text;
  END $$;

  CREATE OR REPLACE FUNCTION ${s}.append_events(p_stream text, p_expected text, p_events jsonb, p_check_first boolean,
      OUT res_status text, OUT res_next_version bigint, OUT res_positions bigint[], OUT res_tx text)
  LANGUAGE plpgsql AS $$
  DECLARE
    n int := jsonb_array_length(p_events);
    ids uuid[];
  BEGIN
    SELECT array_agg((e->>'id')::uuid ORDER BY o) INTO ids FROM jsonb_array_elements(p_events) WITH ORDINALITY AS u(e, o);
    IF p_check_first OR p_expected IN ('any', 'stream_exists') THEN
      SELECT * INTO res_status, res_next_version, res_positions, res_tx FROM ${s}.prior_or_reject(p_stream, ids, false);
      IF res_status IS NOT NULL THEN RETURN; END IF;
    END IF;
    res_next_version := ${s}.claim_versions(p_stream, p_expected, n);
    IF res_next_version IS NULL THEN
      SELECT * INTO res_status, res_next_version, res_positions, res_tx FROM ${s}.prior_or_reject(p_stream, ids, true);
      RETURN;
    END IF;
    WITH inserted AS (
      INSERT INTO ${s}.events
        (event_id, stream_id, stream_version, type, schema_version, district, data, personal, metadata)
      SELECT (e->>'id')::uuid, p_stream, res_next_version - n + o, e->>'type', (e->>'sv')::int,
        e->'metadata'->>'district', e->'data', e->'personal', e->'metadata'
      FROM jsonb_array_elements(p_events) WITH ORDINALITY AS u(e, o)
      RETURNING position, stream_version
    )
    SELECT array_agg(i.position ORDER BY i.stream_version) INTO res_positions FROM inserted i;
    res_status := 'ok';
    res_tx := pg_current_xact_id()::text;
  END $$;
`;
