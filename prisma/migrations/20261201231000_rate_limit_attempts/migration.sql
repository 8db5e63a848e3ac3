-- Hand-written: agora_consume_rate_limit now
-- * locks every key, not only the first: a key shared between subjects (the per-address one of
--   sign-in, next to a per-email one) stays exact under concurrent requests;
-- * returns the ids of the hits it counted, so that a caller can take an attempt back (a sign-in
--   is counted before its password is checked, and a right password is no failure);
-- * forgets the expired hits of every key, a bounded batch per call, so that hits of keys never
--   written again (forged addresses, say) do not pile up. It replaces the per-key clean-up of
--   agora_rate_limit_record, which is gone.

DROP FUNCTION "agora_consume_rate_limit"(text[], integer[], integer[]);
DROP FUNCTION "agora_rate_limit_record"(text, integer, timestamp);

-- retention_ms: the longest window of any limit; a hit older than that counts for none.
-- Returns one row: the 1-based index of the refusing limit and the seconds to wait, or, when
-- allowed, NULLs and the ids of the hits counted.
CREATE FUNCTION "agora_consume_rate_limit"(keys text[], maxes integer[], windows_ms integer[], retention_ms integer)
RETURNS TABLE (refused integer, retry_after_seconds integer, hit_ids bigint[])
LANGUAGE plpgsql AS $$
DECLARE
  at timestamp(3) := agora_utc_now();
  lock_id integer;
  i integer;
  wait integer;
  ids bigint[];
BEGIN
  -- Every caller takes its locks in the same order (of lock ids): two callers never deadlock.
  -- Held to the end of the caller's transaction: a write that consumes inside its own
  -- transaction keeps the subject's next request waiting until it commits or rolls back.
  FOR lock_id IN SELECT DISTINCT hashtext(k) FROM unnest(keys) k ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(lock_id);
  END LOOP;

  -- More rows than any call adds, oldest first by the index on created_at; rows another
  -- transaction is deleting are skipped rather than waited for.
  DELETE FROM "rate_limit_hits" WHERE id IN (
    SELECT h.id FROM "rate_limit_hits" h
    WHERE h.created_at < at - retention_ms * interval '1 millisecond'
    ORDER BY h.created_at LIMIT 100
    FOR UPDATE SKIP LOCKED);

  FOR i IN 1 .. cardinality(keys) LOOP
    wait := agora_rate_limit_wait(keys[i], maxes[i], windows_ms[i], at);
    IF wait IS NOT NULL THEN
      RETURN QUERY SELECT i, wait, NULL::bigint[];
      RETURN;
    END IF;
  END LOOP;
  WITH counted AS (
    INSERT INTO "rate_limit_hits" (key, created_at) SELECT k, at FROM unnest(keys) k RETURNING id
  ) SELECT array_agg(id) INTO ids FROM counted;
  RETURN QUERY SELECT NULL::integer, NULL::integer, ids;
END
$$;
