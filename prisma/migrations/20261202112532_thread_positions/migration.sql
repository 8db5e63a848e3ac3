-- Positions in each question's own words (issue 13). Hand-ordered so that today's stances carry
-- over: AGREE, DISAGREE and NUANCED become the first, second and third position of their
-- question, labelled in the article's words for its three position questions and with the old
-- generic words for a member's question. A post's position at writing time was never recorded:
-- a post written before this migration gets its author's stance of today, the only one known.
-- Each stance of today opens the history of changes (from no position, at its last update).

CREATE TYPE "PositionColour" AS ENUM ('ORANGE', 'SKY_BLUE', 'BLUISH_GREEN', 'YELLOW', 'BLUE', 'VERMILION', 'REDDISH_PURPLE');

CREATE TABLE "thread_positions" (
    "id" SERIAL NOT NULL,
    "thread_id" INTEGER NOT NULL,
    "ord" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT,
    "colour" "PositionColour" NOT NULL,
    "stance_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "thread_positions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "thread_positions_ord_check" CHECK ("ord" BETWEEN 0 AND 3),
    CONSTRAINT "thread_positions_label_check" CHECK (char_length("label") BETWEEN 1 AND 40),
    CONSTRAINT "thread_positions_description_check" CHECK (char_length("description") BETWEEN 1 AND 120),
    CONSTRAINT "thread_positions_count_check" CHECK ("stance_count" >= 0)
);
CREATE UNIQUE INDEX "thread_positions_thread_id_ord_key" ON "thread_positions"("thread_id", "ord");
CREATE UNIQUE INDEX "thread_positions_thread_id_id_key" ON "thread_positions"("thread_id", "id");
-- Two positions of a question never read the same.
CREATE UNIQUE INDEX "thread_positions_thread_id_label_key" ON "thread_positions"("thread_id", lower("label"));
ALTER TABLE "thread_positions" ADD CONSTRAINT "thread_positions_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

INSERT INTO "thread_positions" ("thread_id", "ord", "label", "description", "colour")
SELECT t."id", p."ord", p."label", p."description", p."colour"::"PositionColour"
FROM "threads" t
CROSS JOIN LATERAL (
  SELECT * FROM (VALUES
    (1, 0, 'Analyse pertinente', 'Un modèle n’est open source que si l’on peut le réentraîner à partir de zéro.', 'BLUE'),
    (1, 1, 'Analyse pas pertinente', 'Des poids téléchargeables suffisent à l’ouverture d’un modèle.', 'ORANGE'),
    (1, 2, 'Pertinente en partie', NULL, 'BLUISH_GREEN'),
    (2, 0, 'Llama 2 n’est pas open source', 'Sa licence restreint des usages : ce n’est pas l’open source de l’OSI.', 'VERMILION'),
    (2, 1, 'Llama 2 est open source', 'Le sens de l’open source s’adapte aux modèles d’IA.', 'SKY_BLUE'),
    (2, 2, 'C’est plus nuancé', NULL, 'YELLOW'),
    (3, 0, 'Libre et ouvert diffèrent', 'Le libre parle de liberté, l’ouvert d’accès au code.', 'BLUE'),
    (3, 1, 'C’est la même chose', NULL, 'ORANGE'),
    (3, 2, 'Cela dépend', NULL, 'BLUISH_GREEN'),
    (0, 0, 'D’accord', NULL, 'BLUE'),
    (0, 1, 'Pas d’accord', NULL, 'ORANGE'),
    (0, 2, 'Mitigé', NULL, 'BLUISH_GREEN')
  ) AS v("question", "ord", "label", "description", "colour")
  WHERE v."question" = CASE WHEN t."article_id" IS NOT NULL AND t."question_number" BETWEEN 1 AND 3 THEN t."question_number" ELSE 0 END
) p
WHERE t."kind" = 'POSITION';

-- The stances, from the old vocabulary to their question's positions.
DROP TRIGGER "thread_stances_count" ON "thread_stances";
DROP FUNCTION "agora_count_stance"();
DROP INDEX "thread_stances_thread_id_stance_idx";
ALTER TABLE "thread_stances" ADD COLUMN "position_id" INTEGER;
UPDATE "thread_stances" s SET "position_id" = p."id"
FROM "thread_positions" p
WHERE p."thread_id" = s."thread_id" AND p."ord" = CASE s."stance" WHEN 'AGREE' THEN 0 WHEN 'DISAGREE' THEN 1 ELSE 2 END;
-- A stance on a question that no longer takes stances (turned OPEN) had nothing to carry over to.
DELETE FROM "thread_stances" WHERE "position_id" IS NULL;
ALTER TABLE "thread_stances" ALTER COLUMN "position_id" SET NOT NULL, DROP COLUMN "stance";
DROP TYPE "Stance";
CREATE INDEX "thread_stances_thread_id_position_id_idx" ON "thread_stances"("thread_id", "position_id");
ALTER TABLE "thread_stances" ADD CONSTRAINT "thread_stances_thread_id_position_id_fkey" FOREIGN KEY ("thread_id", "position_id") REFERENCES "thread_positions"("thread_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
UPDATE "thread_positions" p SET "stance_count" = (SELECT count(*) FROM "thread_stances" s WHERE s."position_id" = p."id");

-- The tallies now live on the positions. Dropping a column drops the constraints that name it:
-- the threads' other counters get their check back.
ALTER TABLE "threads" DROP COLUMN "agree_count", DROP COLUMN "disagree_count", DROP COLUMN "nuanced_count";
ALTER TABLE "threads" ADD CONSTRAINT "threads_counters_check" CHECK (
    "post_count" >= 0 AND "upvotes" >= 0 AND "downvotes" >= 0 AND "score" = "upvotes" - "downvotes");

CREATE TABLE "stance_changes" (
    "id" SERIAL NOT NULL,
    "thread_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "from_position_id" INTEGER,
    "to_position_id" INTEGER,
    "changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stance_changes_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "stance_changes_change_check" CHECK ("from_position_id" IS DISTINCT FROM "to_position_id")
);
CREATE INDEX "stance_changes_thread_id_changed_at_idx" ON "stance_changes"("thread_id", "changed_at");
CREATE INDEX "stance_changes_user_id_thread_id_changed_at_idx" ON "stance_changes"("user_id", "thread_id", "changed_at");
ALTER TABLE "stance_changes" ADD CONSTRAINT "stance_changes_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "stance_changes" ADD CONSTRAINT "stance_changes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "stance_changes" ADD CONSTRAINT "stance_changes_from_position_id_fkey" FOREIGN KEY ("from_position_id") REFERENCES "thread_positions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "stance_changes" ADD CONSTRAINT "stance_changes_to_position_id_fkey" FOREIGN KEY ("to_position_id") REFERENCES "thread_positions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
INSERT INTO "stance_changes" ("thread_id", "user_id", "from_position_id", "to_position_id", "changed_at")
SELECT "thread_id", "user_id", NULL, "position_id", "updated_at" FROM "thread_stances" ORDER BY "updated_at";

-- The history is append-only: what was said stays said.
CREATE FUNCTION "agora_refuse_history_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'stance_changes is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER "stance_changes_append_only" BEFORE UPDATE OR DELETE ON "stance_changes"
  FOR EACH ROW EXECUTE FUNCTION "agora_refuse_history_change"();

-- A stance taken, changed or withdrawn moves its positions' tallies and is recorded, in its own
-- statement. The question's row is locked first, so that concurrent changes on one question wait
-- for each other in one order (two members swapping positions would otherwise lock the two
-- positions' rows in opposite orders) and every tally stays a count of the stances.
CREATE FUNCTION "agora_record_stance"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_position integer := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.position_id END;
  new_position integer := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.position_id END;
BEGIN
  IF old_position IS NOT DISTINCT FROM new_position THEN
    RETURN NULL;
  END IF;
  PERFORM 1 FROM "threads" WHERE "id" = coalesce(NEW.thread_id, OLD.thread_id) FOR NO KEY UPDATE;
  UPDATE "thread_positions" SET "stance_count" = "stance_count" + CASE WHEN "id" = new_position THEN 1 ELSE -1 END
  WHERE "id" IN (old_position, new_position);
  INSERT INTO "stance_changes" ("thread_id", "user_id", "from_position_id", "to_position_id", "changed_at")
  VALUES (coalesce(NEW.thread_id, OLD.thread_id), coalesce(NEW.user_id, OLD.user_id), old_position, new_position, clock_timestamp());
  RETURN NULL;
END
$$;
CREATE TRIGGER "thread_stances_record" AFTER INSERT OR UPDATE OF "position_id" OR DELETE ON "thread_stances"
  FOR EACH ROW EXECUTE FUNCTION "agora_record_stance"();

-- The position a post was written from: its author's stance at insert.
ALTER TABLE "posts" ADD COLUMN "author_position_id" INTEGER;
ALTER TABLE "posts" ADD CONSTRAINT "posts_author_position_id_fkey" FOREIGN KEY ("author_position_id") REFERENCES "thread_positions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "posts_thread_id_author_position_id_idx" ON "posts"("thread_id", "author_position_id");
UPDATE "posts" p SET "author_position_id" = s."position_id"
FROM "thread_stances" s WHERE s."thread_id" = p."thread_id" AND s."user_id" = p."author_id";

CREATE FUNCTION "agora_post_author_position"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.author_position_id := (SELECT "position_id" FROM "thread_stances" WHERE "thread_id" = NEW.thread_id AND "user_id" = NEW.author_id);
  RETURN NEW;
END
$$;
CREATE TRIGGER "posts_author_position" BEFORE INSERT ON "posts"
  FOR EACH ROW EXECUTE FUNCTION "agora_post_author_position"();
