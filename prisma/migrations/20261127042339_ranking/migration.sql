-- DropIndex
DROP INDEX "posts_thread_id_best_rank_id_idx";

-- DropIndex
DROP INDEX "posts_thread_id_score_id_idx";

-- DropIndex
DROP INDEX "posts_thread_id_created_at_id_idx";

-- DropIndex
DROP INDEX "posts_thread_id_controversy_id_idx";

-- Hand-written: the ranking formulas, in one place, used by the triggers below (so every write
-- path, the app's or a bulk load's, keeps the stored ranks exact).

-- Lower bound of the Wilson score interval at 95% for `up` positive votes out of up + down.
CREATE FUNCTION "agora_wilson_lower_bound"(up integer, down integer) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN up + down = 0 THEN 0 ELSE
    ((up::float8 / (up + down)) + 1.959963984540054 ^ 2 / (2 * (up + down))
      - 1.959963984540054 * sqrt(((up::float8 / (up + down)) * (1 - up::float8 / (up + down))
        + 1.959963984540054 ^ 2 / (4 * (up + down))) / (up + down)))
    / (1 + 1.959963984540054 ^ 2 / (up + down))
  END
$$;

-- Reddit's controversy: (up + down) ^ (min / max) when both are positive, else 0.
CREATE FUNCTION "agora_controversy"(up integer, down integer) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN up <= 0 OR down <= 0 THEN 0 ELSE
    (up + down)::float8 ^ (LEAST(up, down)::float8 / GREATEST(up, down))
  END
$$;

-- Reddit's hot rank: sign(s)·log10(max(|s|, 1)) + created_epoch_seconds / 45000.
CREATE FUNCTION "agora_hot_rank"(score integer, created_at timestamp) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT sign(score) * log(GREATEST(abs(score), 1)::float8)
    + extract(epoch FROM created_at) / 45000
$$;

CREATE FUNCTION "agora_rank_post"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.score := NEW.upvotes - NEW.downvotes;
  NEW.best_rank := agora_wilson_lower_bound(NEW.upvotes, NEW.downvotes);
  NEW.controversy := agora_controversy(NEW.upvotes, NEW.downvotes);
  RETURN NEW;
END
$$;
CREATE TRIGGER "posts_rank" BEFORE INSERT OR UPDATE OF "upvotes", "downvotes" ON "posts"
  FOR EACH ROW EXECUTE FUNCTION "agora_rank_post"();

CREATE FUNCTION "agora_rank_thread"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.score := NEW.upvotes - NEW.downvotes;
  NEW.hot_rank := agora_hot_rank(NEW.score, NEW.created_at);
  RETURN NEW;
END
$$;
CREATE TRIGGER "threads_rank" BEFORE INSERT OR UPDATE OF "upvotes", "downvotes", "created_at" ON "threads"
  FOR EACH ROW EXECUTE FUNCTION "agora_rank_thread"();

-- Existing rows take their ranks.
UPDATE "threads" SET "upvotes" = "upvotes";
UPDATE "posts" SET "upvotes" = "upvotes";

-- The sorts of a thread's top-level posts, each an index range (replies are listed by root_id).
CREATE INDEX "posts_roots_best" ON "posts" ("thread_id", "best_rank" DESC, "id" DESC) WHERE "parent_id" IS NULL;
CREATE INDEX "posts_roots_top" ON "posts" ("thread_id", "score" DESC, "id" DESC) WHERE "parent_id" IS NULL;
CREATE INDEX "posts_roots_created" ON "posts" ("thread_id", "created_at", "id") WHERE "parent_id" IS NULL;
CREATE INDEX "posts_roots_controversial" ON "posts" ("thread_id", "controversy" DESC, "id" DESC) WHERE "parent_id" IS NULL;
