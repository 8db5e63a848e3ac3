-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ModerationAction" ADD VALUE 'VOID_CREDIT';
ALTER TYPE "ModerationAction" ADD VALUE 'RESTORE_CREDIT';

-- DropIndex
DROP INDEX "mind_change_credits_post_id_idx";

-- AlterTable
ALTER TABLE "mind_change_credits" ADD COLUMN     "voided_at" TIMESTAMPTZ(3),
ADD COLUMN     "voided_by_id" INTEGER;

-- CreateIndex
CREATE INDEX "mind_change_credits_post_id_created_at_id_idx" ON "mind_change_credits"("post_id", "created_at", "id");

-- AddForeignKey
ALTER TABLE "mind_change_credits" ADD CONSTRAINT "mind_change_credits_voided_by_id_fkey" FOREIGN KEY ("voided_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: what schema.prisma cannot say.
-- Voided by a moderator at a time, or not voided: both or neither.
ALTER TABLE "mind_change_credits" ADD CONSTRAINT "mind_change_credits_void_check" CHECK (("voided_at" IS NULL) = ("voided_by_id" IS NULL));

-- Still append-only but for one change: a moderator voids a credit (voided_at and voided_by_id
-- set) or restores it (both cleared). The rest of the row stays as written, whatever columns come
-- later, and no row is deleted: the unique (user_id, post_id) keeps a voided member from crediting
-- that post again. Voiding a voided credit, or restoring one that is not, is refused as well, so
-- that every update this lets through moves the post's count by exactly one.
CREATE FUNCTION "agora_guard_mind_change_credit"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF (to_jsonb(NEW) - 'voided_at' - 'voided_by_id') = (to_jsonb(OLD) - 'voided_at' - 'voided_by_id')
       AND (NEW."voided_at" IS NULL) <> (OLD."voided_at" IS NULL) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION '% is append-only: a credit is only voided or restored', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
DROP TRIGGER "mind_change_credits_append_only" ON "mind_change_credits";
CREATE TRIGGER "mind_change_credits_append_only" BEFORE UPDATE OR DELETE ON "mind_change_credits"
  FOR EACH ROW EXECUTE FUNCTION "agora_guard_mind_change_credit"();

-- The rules of migration mind_change_credits, and one more: a credit is given as it is, not
-- voided (only a moderator voids one, afterwards).
CREATE OR REPLACE FUNCTION "agora_check_mind_change_credit"() RETURNS trigger LANGUAGE plpgsql AS $$
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
  IF NEW."voided_at" IS NOT NULL THEN
    RAISE EXCEPTION 'a credit is voided after it is given, by a moderator' USING ERRCODE = 'check_violation';
  END IF;
  NEW."from_position_id" := change."from_position_id";
  NEW."to_position_id" := change."to_position_id";
  RETURN NEW;
END
$$;

-- posts.mind_change_count counts the credits that are not voided: one more at a credit, one less
-- when it is voided, one more when it is restored, in the statement that does it. Each is an
-- increment under the post's row lock, so concurrent ones add up exactly. (The guard above lets
-- no other update through, so every update is a void or a restore.)
CREATE OR REPLACE FUNCTION "agora_count_mind_change_credit"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "posts" SET "mind_change_count" = "mind_change_count" + CASE WHEN NEW."voided_at" IS NULL THEN 1 ELSE -1 END
  WHERE "id" = NEW."post_id";
  RETURN NULL;
END
$$;
CREATE TRIGGER "mind_change_credits_count_voids" AFTER UPDATE ON "mind_change_credits"
  FOR EACH ROW EXECUTE FUNCTION "agora_count_mind_change_credit"();
