-- Hand-written: a stance row and its question's tallies change in the same statement, as votes
-- and their counters do (migration vote_counters): the UPDATE of the thread takes its row lock and
-- re-reads the latest tallies, so concurrent stances add up exactly.
CREATE FUNCTION "agora_count_stance"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.stance = OLD.stance THEN
    RETURN NULL;
  END IF;
  UPDATE "threads" SET
    "agree_count" = "agree_count" + coalesce((NEW.stance = 'AGREE')::int, 0) - coalesce((OLD.stance = 'AGREE')::int, 0),
    "disagree_count" = "disagree_count" + coalesce((NEW.stance = 'DISAGREE')::int, 0) - coalesce((OLD.stance = 'DISAGREE')::int, 0),
    "nuanced_count" = "nuanced_count" + coalesce((NEW.stance = 'NUANCED')::int, 0) - coalesce((OLD.stance = 'NUANCED')::int, 0)
  WHERE "id" = coalesce(NEW.thread_id, OLD.thread_id);
  RETURN NULL;
END
$$;

CREATE TRIGGER "thread_stances_count" AFTER INSERT OR UPDATE OF "stance" OR DELETE ON "thread_stances"
  FOR EACH ROW EXECUTE FUNCTION "agora_count_stance"();
