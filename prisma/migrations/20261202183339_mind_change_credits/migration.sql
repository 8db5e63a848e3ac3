-- AlterTable
ALTER TABLE "posts" ADD COLUMN     "mind_change_count" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "mind_change_credits" (
    "id" SERIAL NOT NULL,
    "change_id" INTEGER NOT NULL,
    "thread_id" INTEGER NOT NULL,
    "post_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "from_position_id" INTEGER NOT NULL,
    "to_position_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mind_change_credits_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "mind_change_credits_post_id_idx" ON "mind_change_credits"("post_id");

-- CreateIndex
CREATE INDEX "mind_change_credits_change_id_idx" ON "mind_change_credits"("change_id");

-- CreateIndex
CREATE UNIQUE INDEX "mind_change_credits_user_id_post_id_key" ON "mind_change_credits"("user_id", "post_id");

-- AddForeignKey
ALTER TABLE "mind_change_credits" ADD CONSTRAINT "mind_change_credits_change_id_fkey" FOREIGN KEY ("change_id") REFERENCES "stance_changes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mind_change_credits" ADD CONSTRAINT "mind_change_credits_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mind_change_credits" ADD CONSTRAINT "mind_change_credits_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mind_change_credits" ADD CONSTRAINT "mind_change_credits_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mind_change_credits" ADD CONSTRAINT "mind_change_credits_from_position_id_fkey" FOREIGN KEY ("from_position_id") REFERENCES "thread_positions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mind_change_credits" ADD CONSTRAINT "mind_change_credits_to_position_id_fkey" FOREIGN KEY ("to_position_id") REFERENCES "thread_positions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: what schema.prisma cannot say.
ALTER TABLE "posts" ADD CONSTRAINT "posts_mind_change_count_check" CHECK ("mind_change_count" >= 0);
ALTER TABLE "mind_change_credits" ADD CONSTRAINT "mind_change_credits_change_check" CHECK ("from_position_id" <> "to_position_id");
-- « Ce qui a fait bouger les avis »: a question's credited posts, most credited first.
CREATE INDEX "posts_thread_id_mind_change_count_idx" ON "posts"("thread_id", "mind_change_count" DESC, "id") WHERE "mind_change_count" > 0;

-- The history's refusal names the table it guards (it now guards two).
CREATE OR REPLACE FUNCTION "agora_refuse_history_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER "mind_change_credits_append_only" BEFORE UPDATE OR DELETE ON "mind_change_credits"
  FOR EACH ROW EXECUTE FUNCTION "agora_refuse_history_change"();

-- A credit belongs to a real change of its member on its question: from one position to another.
-- Its positions are the change's, whatever the insert says; a change credits 3 posts at most, of
-- its question. Who may credit which post (not one's own, visible, older) is lib/authorization.ts,
-- checked in the same transaction; these are the rules no caller may break.
CREATE FUNCTION "agora_check_mind_change_credit"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change "stance_changes"%ROWTYPE;
BEGIN
  SELECT * INTO change FROM "stance_changes" WHERE "id" = NEW."change_id";
  IF change."user_id" <> NEW."user_id" OR change."thread_id" <> NEW."thread_id"
     OR change."from_position_id" IS NULL OR change."to_position_id" IS NULL THEN
    RAISE EXCEPTION 'a credit belongs to its member''s change from one position to another' USING ERRCODE = 'check_violation';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM "posts" WHERE "id" = NEW."post_id" AND "thread_id" = NEW."thread_id") THEN
    RAISE EXCEPTION 'a credited post belongs to the question' USING ERRCODE = 'check_violation';
  END IF;
  IF (SELECT count(*) FROM "mind_change_credits" WHERE "change_id" = NEW."change_id") >= 3 THEN
    RAISE EXCEPTION 'a change credits 3 posts at most' USING ERRCODE = 'check_violation';
  END IF;
  NEW."from_position_id" := change."from_position_id";
  NEW."to_position_id" := change."to_position_id";
  RETURN NEW;
END
$$;
CREATE TRIGGER "mind_change_credits_check" BEFORE INSERT ON "mind_change_credits"
  FOR EACH ROW EXECUTE FUNCTION "agora_check_mind_change_credit"();

CREATE FUNCTION "agora_count_mind_change_credit"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "posts" SET "mind_change_count" = "mind_change_count" + 1 WHERE "id" = NEW."post_id";
  RETURN NULL;
END
$$;
CREATE TRIGGER "mind_change_credits_count" AFTER INSERT ON "mind_change_credits"
  FOR EACH ROW EXECUTE FUNCTION "agora_count_mind_change_credit"();
