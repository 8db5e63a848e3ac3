-- Hand-written: a rate-limited action (a vote, a post, a report) checks and counts its hits in
-- one round trip instead of an interactive transaction of six statements. Same rule as before
-- (lib/rate-limit.ts): at most maxes[i] hits of keys[i] in the last windows_ms[i]; every limit is
-- checked, and only when all allow it is a hit counted against each (and that key's expired hits
-- forgotten). An advisory lock on the first key, held to the end of the statement's transaction,
-- serialises the requests of one subject so that concurrent ones cannot all slip under a limit.
-- Times are UTC wall-clock, as Prisma stores DateTime in "timestamp(3)" columns.
-- Returns no row when allowed, else the 1-based index of the refusing limit and the seconds until
-- its oldest counted hit leaves the window.
CREATE FUNCTION "agora_consume_rate_limit"(keys text[], maxes integer[], windows_ms integer[])
RETURNS TABLE (refused integer, retry_after_seconds integer)
LANGUAGE plpgsql AS $$
DECLARE
  at timestamp(3) := now() AT TIME ZONE 'UTC';
  i integer;
  counted integer;
  oldest timestamp(3);
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext(keys[1]));
  FOR i IN 1 .. cardinality(keys) LOOP
    SELECT count(*), min(recent.created_at) INTO counted, oldest FROM (
      SELECT h.created_at FROM "rate_limit_hits" h
      WHERE h.key = keys[i] AND h.created_at > at - windows_ms[i] * interval '1 millisecond'
      ORDER BY h.created_at DESC LIMIT maxes[i]
    ) recent;
    IF counted >= maxes[i] THEN
      RETURN QUERY SELECT i, GREATEST(1, ceil(extract(epoch FROM oldest + windows_ms[i] * interval '1 millisecond' - at))::integer);
      RETURN;
    END IF;
  END LOOP;
  FOR i IN 1 .. cardinality(keys) LOOP
    DELETE FROM "rate_limit_hits" WHERE key = keys[i] AND created_at < at - windows_ms[i] * interval '1 millisecond';
    INSERT INTO "rate_limit_hits" (key, created_at) VALUES (keys[i], at);
  END LOOP;
END
$$;
