-- Hand-written: a vote row and its target's counters change in the same statement, whatever
-- writes the vote (the app, a script, a cascade). The UPDATE of the target takes its row lock and
-- re-reads the latest counters, so concurrent votes add up exactly without the caller locking
-- anything; the rank triggers then recompute score and ranks from the counters.

CREATE FUNCTION "agora_vote_change"(before_value integer, after_value integer, OUT up_change integer, OUT down_change integer)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (coalesce(after_value, 0) = 1)::int - (coalesce(before_value, 0) = 1)::int,
         (coalesce(after_value, 0) = -1)::int - (coalesce(before_value, 0) = -1)::int
$$;

-- One function for both vote tables; each branch only runs on its own table's rows.
CREATE FUNCTION "agora_count_vote"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change record := agora_vote_change(OLD.value, NEW.value);
BEGIN
  IF change.up_change = 0 AND change.down_change = 0 THEN
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'post_votes' THEN
    UPDATE "posts" SET "upvotes" = "upvotes" + change.up_change, "downvotes" = "downvotes" + change.down_change
    WHERE "id" = coalesce(NEW.post_id, OLD.post_id);
  ELSE
    UPDATE "threads" SET "upvotes" = "upvotes" + change.up_change, "downvotes" = "downvotes" + change.down_change
    WHERE "id" = coalesce(NEW.thread_id, OLD.thread_id);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "post_votes_count" AFTER INSERT OR UPDATE OF "value" OR DELETE ON "post_votes"
  FOR EACH ROW EXECUTE FUNCTION "agora_count_vote"();
CREATE TRIGGER "thread_votes_count" AFTER INSERT OR UPDATE OF "value" OR DELETE ON "thread_votes"
  FOR EACH ROW EXECUTE FUNCTION "agora_count_vote"();
