-- Hand-written: the rate-limit rule of lib/rate-limit.ts, in one place, each use one round trip.
-- A key may have at most max_hits hits in the last window_ms. Times are UTC wall-clock, as Prisma
-- stores DateTime in "timestamp(3)" columns, and come from the database's clock only.

CREATE FUNCTION "agora_utc_now"() RETURNS timestamp(3)
LANGUAGE sql STABLE AS $$ SELECT (now() AT TIME ZONE 'UTC')::timestamp(3) $$;

-- Seconds until the oldest counted hit of rl_key leaves the window, or NULL when under the limit.
CREATE FUNCTION "agora_rate_limit_wait"(rl_key text, max_hits integer, window_ms integer, at timestamp(3)) RETURNS integer
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN count(*) >= max_hits
    THEN GREATEST(1, ceil(extract(epoch FROM min(recent.created_at) + window_ms * interval '1 millisecond' - at)))::integer END
  FROM (
    SELECT h.created_at FROM "rate_limit_hits" h
    WHERE h.key = rl_key AND h.created_at > at - window_ms * interval '1 millisecond'
    ORDER BY h.created_at DESC LIMIT max_hits
  ) recent
$$;

-- Counts one hit of rl_key, and forgets its hits that left the window.
CREATE FUNCTION "agora_rate_limit_record"(rl_key text, window_ms integer, at timestamp(3)) RETURNS void
LANGUAGE sql AS $$
  DELETE FROM "rate_limit_hits" WHERE key = rl_key AND created_at < at - window_ms * interval '1 millisecond';
  INSERT INTO "rate_limit_hits" (key, created_at) VALUES (rl_key, at);
$$;

-- Checks every limit and, only when all allow it, counts a hit against each. An advisory lock on
-- the first key, held to the end of the statement's transaction, serialises the requests of one
-- subject so that concurrent ones cannot all slip under a limit. Returns no row when allowed, else
-- the 1-based index of the refusing limit and the seconds to wait.
CREATE FUNCTION "agora_consume_rate_limit"(keys text[], maxes integer[], windows_ms integer[])
RETURNS TABLE (refused integer, retry_after_seconds integer)
LANGUAGE plpgsql AS $$
DECLARE
  at timestamp(3) := agora_utc_now();
  i integer;
  wait integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext(keys[1]));
  FOR i IN 1 .. cardinality(keys) LOOP
    wait := agora_rate_limit_wait(keys[i], maxes[i], windows_ms[i], at);
    IF wait IS NOT NULL THEN
      RETURN QUERY SELECT i, wait;
      RETURN;
    END IF;
  END LOOP;
  FOR i IN 1 .. cardinality(keys) LOOP
    PERFORM agora_rate_limit_record(keys[i], windows_ms[i], at);
  END LOOP;
END
$$;
