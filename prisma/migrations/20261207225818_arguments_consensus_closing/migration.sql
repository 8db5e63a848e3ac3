-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ModerationAction" ADD VALUE 'CLOSE_THREAD';
ALTER TYPE "ModerationAction" ADD VALUE 'REOPEN_THREAD';
ALTER TYPE "ModerationAction" ADD VALUE 'WRITE_SUMMARY';

-- AlterTable
ALTER TABLE "threads" ADD COLUMN     "closed_at" TIMESTAMP(3),
ADD COLUMN     "closed_by_id" INTEGER,
ADD COLUMN     "summary" TEXT,
ADD COLUMN     "summary_at" TIMESTAMP(3),
ADD COLUMN     "summary_by_id" INTEGER,
ADD COLUMN     "summary_html" TEXT;

-- AlterTable
ALTER TABLE "posts" ADD COLUMN     "consensus" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "facet_id" INTEGER,
ADD COLUMN     "position_downvotes" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "position_upvotes" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- CreateTable
CREATE TABLE "thread_facets" (
    "id" SERIAL NOT NULL,
    "thread_id" INTEGER NOT NULL,
    "ord" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT,

    CONSTRAINT "thread_facets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "thread_summary_revisions" (
    "id" SERIAL NOT NULL,
    "thread_id" INTEGER NOT NULL,
    "editor_id" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "body_html" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "thread_summary_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "thread_facets_thread_id_ord_key" ON "thread_facets"("thread_id", "ord");

-- CreateIndex
CREATE UNIQUE INDEX "thread_facets_thread_id_id_key" ON "thread_facets"("thread_id", "id");

-- CreateIndex
CREATE INDEX "thread_summary_revisions_thread_id_created_at_idx" ON "thread_summary_revisions"("thread_id", "created_at");

-- AddForeignKey
ALTER TABLE "threads" ADD CONSTRAINT "threads_closed_by_id_fkey" FOREIGN KEY ("closed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "threads" ADD CONSTRAINT "threads_summary_by_id_fkey" FOREIGN KEY ("summary_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "posts" ADD CONSTRAINT "posts_thread_id_facet_id_fkey" FOREIGN KEY ("thread_id", "facet_id") REFERENCES "thread_facets"("thread_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "thread_facets" ADD CONSTRAINT "thread_facets_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "thread_summary_revisions" ADD CONSTRAINT "thread_summary_revisions_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "thread_summary_revisions" ADD CONSTRAINT "thread_summary_revisions_editor_id_fkey" FOREIGN KEY ("editor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: what schema.prisma cannot say (issue 14).

-- Closing: by a moderator at a time, or open (both or neither); the summary likewise.
ALTER TABLE "threads" ADD CONSTRAINT "threads_closed_check" CHECK (("closed_at" IS NULL) = ("closed_by_id" IS NULL));
ALTER TABLE "threads" ADD CONSTRAINT "threads_summary_check" CHECK (
  ("summary" IS NULL) = ("summary_at" IS NULL) AND ("summary" IS NULL OR char_length("summary") BETWEEN 1 AND 20000)
  AND ("summary_html" IS NULL OR "summary" IS NOT NULL));
ALTER TABLE "thread_summary_revisions" ADD CONSTRAINT "thread_summary_revisions_body_check" CHECK (char_length("body") BETWEEN 1 AND 20000);

-- Facets, as positions are: 2 to 4 a question, named once each, a line of text.
ALTER TABLE "thread_facets" ADD CONSTRAINT "thread_facets_ord_check" CHECK ("ord" BETWEEN 0 AND 3),
  ADD CONSTRAINT "thread_facets_label_check" CHECK (char_length("label") BETWEEN 1 AND 40),
  ADD CONSTRAINT "thread_facets_description_check" CHECK (char_length("description") BETWEEN 1 AND 120);
CREATE UNIQUE INDEX "thread_facets_thread_id_label_key" ON "thread_facets"("thread_id", lower("label"));
-- Only a top-level post has a facet (the foreign key above keeps it one of its own question's).
ALTER TABLE "posts" ADD CONSTRAINT "posts_facet_check" CHECK ("facet_id" IS NULL OR "parent_id" IS NULL);

-- The article's open questions, grouped by facet (prisma/seed/article.ts writes the same).
INSERT INTO "thread_facets" ("thread_id", "ord", "label", "description")
SELECT t."id", f."ord", f."label", f."description"
FROM "threads" t
JOIN (VALUES
  (4, 0, 'Licence', 'Les conditions d’utilisation respectent-elles la définition de l’OSI ?'),
  (4, 1, 'Données', 'Les données d’entraînement sont-elles publiées et documentées ?'),
  (4, 2, 'Code d’entraînement', 'Peut-on réentraîner le modèle à partir de zéro ?'),
  (5, 0, 'Risques', NULL),
  (5, 1, 'Opportunités', NULL)
) AS f("question", "ord", "label", "description") ON f."question" = t."question_number"
WHERE t."article_id" IS NOT NULL AND t."kind" = 'OPEN';

-- Consensus (Pol.is's group-informed consensus). Every post counts its votes by the voter's
-- current position on its question: position_upvotes[i] and position_downvotes[i] for the
-- position of ord i - 1. A voter without a position counts in upvotes and downvotes only.
CREATE FUNCTION "agora_int_sum"(counts integer[]) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(sum(c), 0) FROM unnest(counts) AS c
$$;

-- The product over the question's positions of (up + 1) / (up + down + 2): near 1 only when
-- every camp approves, at most 1/2 in a camp that has not voted. 0 for an open question.
CREATE FUNCTION "agora_consensus"(up integer[], down integer[]) RETURNS double precision
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  product double precision := 1;
BEGIN
  IF cardinality(up) = 0 THEN
    RETURN 0;
  END IF;
  FOR g IN 1 .. cardinality(up) LOOP
    product := product * (up[g] + 1) / (up[g] + down[g] + 2)::double precision;
  END LOOP;
  RETURN product;
END
$$;

-- counts with delta added at position slot (1-based); unchanged when slot is null.
CREATE FUNCTION "agora_array_add"(counts integer[], slot integer, delta integer) RETURNS integer[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN slot IS NULL OR delta = 0 THEN counts
    ELSE counts[:slot - 1] || (counts[slot] + delta) || counts[slot + 1:] END
$$;


-- The rank trigger also sets the consensus, from the arrays.
CREATE OR REPLACE FUNCTION "agora_rank_post"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.score := NEW.upvotes - NEW.downvotes;
  NEW.best_rank := agora_wilson_lower_bound(NEW.upvotes, NEW.downvotes);
  NEW.controversy := agora_controversy(NEW.upvotes, NEW.downvotes);
  NEW.consensus := agora_consensus(NEW.position_upvotes, NEW.position_downvotes);
  RETURN NEW;
END
$$;
DROP TRIGGER "posts_rank" ON "posts";
CREATE TRIGGER "posts_rank" BEFORE INSERT OR UPDATE OF "upvotes", "downvotes", "position_upvotes", "position_downvotes" ON "posts"
  FOR EACH ROW EXECUTE FUNCTION "agora_rank_post"();

-- A new post has one counter per position of its question, at zero ("posts_author_position"
-- fires before "posts_rank", by name); a closed question takes none.
CREATE OR REPLACE FUNCTION "agora_post_author_position"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  position_count integer := (SELECT count(*) FROM "thread_positions" WHERE "thread_id" = NEW.thread_id);
BEGIN
  IF (SELECT "closed_at" IS NOT NULL FROM "threads" WHERE "id" = NEW.thread_id) THEN
    PERFORM agora_refuse_closed_thread();
  END IF;
  NEW.author_position_id := (SELECT "position_id" FROM "thread_stances" WHERE "thread_id" = NEW.thread_id AND "user_id" = NEW.author_id);
  NEW.position_upvotes := array_fill(0, ARRAY[position_count]);
  NEW.position_downvotes := array_fill(0, ARRAY[position_count]);
  RETURN NEW;
END
$$;

-- Every post of a position question, with its votes recounted from the rows by each voter's
-- current position (what the triggers keep): the backfill below, the bench's bulk load and the
-- tests' recounts all read this one definition.
CREATE FUNCTION "agora_recount_position_votes"() RETURNS TABLE ("post" integer, "ups" integer[], "downs" integer[])
LANGUAGE sql STABLE AS $$
  SELECT p."id", array_agg(coalesce(c."up", 0)::int ORDER BY tp."ord"), array_agg(coalesce(c."down", 0)::int ORDER BY tp."ord")
  FROM "posts" p
  JOIN "thread_positions" tp ON tp."thread_id" = p."thread_id"
  LEFT JOIN (
    SELECT v."post_id", s."position_id", count(*) FILTER (WHERE v."value" = 1) AS "up", count(*) FILTER (WHERE v."value" = -1) AS "down"
    FROM "post_votes" v
    JOIN "posts" vp ON vp."id" = v."post_id"
    JOIN "thread_stances" s ON s."thread_id" = vp."thread_id" AND s."user_id" = v."user_id"
    GROUP BY v."post_id", s."position_id"
  ) c ON c."post_id" = p."id" AND c."position_id" = tp."id"
  GROUP BY p."id"
$$;

-- Today's posts take their counters from today's votes and stances (the rank trigger sets their consensus).
UPDATE "posts" p SET "position_upvotes" = r."ups", "position_downvotes" = r."downs"
FROM agora_recount_position_votes() r WHERE r."post" = p."id";
-- (posts of open questions keep '{}' and a consensus of 0, already their default)

-- (Prisma's lists cannot say NOT NULL: the check does.)
ALTER TABLE "posts" ADD CONSTRAINT "posts_position_votes_check" CHECK (
  "position_upvotes" IS NOT NULL AND "position_downvotes" IS NOT NULL AND cardinality("position_upvotes") = cardinality("position_downvotes")
  AND 0 <= ALL ("position_upvotes") AND 0 <= ALL ("position_downvotes")
  AND agora_int_sum("position_upvotes") <= "upvotes" AND agora_int_sum("position_downvotes") <= "downvotes");

-- A closed question is frozen: its votes and stances are refused by the database too (the app
-- says why first, lib/authorization.ts). SQLSTATE 'AGCLO' names the refusal.
CREATE FUNCTION "agora_refuse_closed_thread"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'this question is closed' USING ERRCODE = 'AGCLO';
END
$$;

-- A vote moves its post's counters, and its voter's position's. The voter's row is locked first:
-- a change of the voter's stance on the question (agora_record_stance, below) takes the same
-- lock before it moves the voter's votes between positions, so the two never cross (a vote
-- counted under a position its voter has just left, or a first stance that misses a vote in
-- flight). Lock order: voter, then post.
CREATE OR REPLACE FUNCTION "agora_count_vote"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change record := agora_vote_change(OLD.value, NEW.value);
  voter integer;
  target integer;
  slot integer;
  is_closed boolean;
BEGIN
  IF change.up_change = 0 AND change.down_change = 0 THEN
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'post_votes' THEN
    voter := coalesce(NEW.user_id, OLD.user_id);
    target := coalesce(NEW.post_id, OLD.post_id);
    PERFORM 1 FROM "users" WHERE "id" = voter FOR NO KEY UPDATE;
    SELECT t."closed_at" IS NOT NULL, tp."ord" + 1 INTO is_closed, slot
    FROM "posts" p JOIN "threads" t ON t."id" = p."thread_id"
    LEFT JOIN "thread_stances" s ON s."thread_id" = p."thread_id" AND s."user_id" = voter
    LEFT JOIN "thread_positions" tp ON tp."id" = s."position_id"
    WHERE p."id" = target;
    IF is_closed THEN
      PERFORM agora_refuse_closed_thread();
    END IF;
    UPDATE "posts" SET "upvotes" = "upvotes" + change.up_change, "downvotes" = "downvotes" + change.down_change,
      "position_upvotes" = agora_array_add("position_upvotes", slot, change.up_change),
      "position_downvotes" = agora_array_add("position_downvotes", slot, change.down_change)
    WHERE "id" = target;
  ELSE
    IF (SELECT "closed_at" IS NOT NULL FROM "threads" WHERE "id" = coalesce(NEW.thread_id, OLD.thread_id)) THEN
      PERFORM agora_refuse_closed_thread();
    END IF;
    UPDATE "threads" SET "upvotes" = "upvotes" + change.up_change, "downvotes" = "downvotes" + change.down_change
    WHERE "id" = coalesce(NEW.thread_id, OLD.thread_id);
  END IF;
  RETURN NULL;
END
$$;

-- A change of stance also moves the member's votes on the question's posts from the position
-- left to the position joined, in the same statement; and a closed question takes none.
CREATE OR REPLACE FUNCTION "agora_record_stance"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  question integer := coalesce(NEW.thread_id, OLD.thread_id);
  member integer := coalesce(NEW.user_id, OLD.user_id);
  old_position integer := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.position_id END;
  new_position integer := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.position_id END;
  old_slot integer := (SELECT "ord" + 1 FROM "thread_positions" WHERE "id" = old_position);
  new_slot integer := (SELECT "ord" + 1 FROM "thread_positions" WHERE "id" = new_position);
BEGIN
  IF old_position IS NOT DISTINCT FROM new_position THEN
    RETURN NULL;
  END IF;
  IF (SELECT "closed_at" IS NOT NULL FROM "threads" WHERE "id" = question FOR NO KEY UPDATE) THEN
    PERFORM agora_refuse_closed_thread();
  END IF;
  UPDATE "thread_positions" SET "stance_count" = "stance_count" + CASE WHEN "id" = new_position THEN 1 ELSE -1 END
  WHERE "id" IN (old_position, new_position);
  INSERT INTO "stance_changes" ("thread_id", "user_id", "from_position_id", "to_position_id", "changed_at")
  VALUES (question, member, old_position, new_position, clock_timestamp());
  PERFORM 1 FROM "users" WHERE "id" = member FOR NO KEY UPDATE;
  UPDATE "posts" p SET
    "position_upvotes" = agora_array_add(agora_array_add(p."position_upvotes", old_slot, -(v."value" = 1)::int), new_slot, (v."value" = 1)::int),
    "position_downvotes" = agora_array_add(agora_array_add(p."position_downvotes", old_slot, -(v."value" = -1)::int), new_slot, (v."value" = -1)::int)
  FROM "post_votes" v
  WHERE v."user_id" = member AND v."post_id" = p."id" AND p."thread_id" = question;
  RETURN NULL;
END
$$;

-- The consensus sort of a question's top-level posts, an index range like the other sorts; and
-- the arguments of each position and facet (« Les arguments »), best first.
CREATE INDEX "posts_roots_consensus" ON "posts" ("thread_id", "consensus" DESC, "id" DESC) WHERE "parent_id" IS NULL;
CREATE INDEX "posts_roots_position_best" ON "posts" ("thread_id", "author_position_id", "best_rank" DESC, "id" DESC) WHERE "parent_id" IS NULL;
CREATE INDEX "posts_roots_facet_best" ON "posts" ("thread_id", "facet_id", "best_rank" DESC, "id" DESC) WHERE "parent_id" IS NULL;
