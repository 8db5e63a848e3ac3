-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('MEMBER', 'MODERATOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "ThreadKind" AS ENUM ('POSITION', 'OPEN');

-- CreateEnum
CREATE TYPE "Stance" AS ENUM ('AGREE', 'DISAGREE', 'NUANCED');

-- CreateEnum
CREATE TYPE "ReportTarget" AS ENUM ('POST', 'THREAD');

-- CreateEnum
CREATE TYPE "ReportReason" AS ENUM ('SPAM', 'HARASSMENT', 'OFF_TOPIC', 'OTHER');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('OPEN', 'DISMISSED', 'ACTIONED');

-- CreateEnum
CREATE TYPE "ModerationTarget" AS ENUM ('POST', 'THREAD', 'USER');

-- CreateEnum
CREATE TYPE "ModerationAction" AS ENUM ('HIDE_POST', 'RESTORE_POST', 'AUTO_HIDE_POST', 'HIDE_THREAD', 'RESTORE_THREAD', 'LOCK_THREAD', 'UNLOCK_THREAD', 'PIN_THREAD', 'UNPIN_THREAD', 'RENAME_THREAD', 'DISMISS_REPORTS', 'SUSPEND_USER', 'UNSUSPEND_USER', 'CHANGE_ROLE');

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "github_id" TEXT,
    "role" "Role" NOT NULL DEFAULT 'MEMBER',
    "session_version" INTEGER NOT NULL DEFAULT 0,
    "suspended_at" TIMESTAMP(3),
    "suspended_until" TIMESTAMP(3),
    "suspension_reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "articles" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "source_title" TEXT NOT NULL,
    "source_url" TEXT,
    "source_note" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "articles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "threads" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "kind" "ThreadKind" NOT NULL DEFAULT 'OPEN',
    "article_id" INTEGER,
    "question_number" INTEGER,
    "author_id" INTEGER,
    "is_pinned" BOOLEAN NOT NULL DEFAULT false,
    "is_locked" BOOLEAN NOT NULL DEFAULT false,
    "hidden_at" TIMESTAMP(3),
    "hidden_reason" TEXT,
    "hidden_by_id" INTEGER,
    "post_count" INTEGER NOT NULL DEFAULT 0,
    "last_activity_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "upvotes" INTEGER NOT NULL DEFAULT 0,
    "downvotes" INTEGER NOT NULL DEFAULT 0,
    "score" INTEGER NOT NULL DEFAULT 0,
    "hot_rank" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "agree_count" INTEGER NOT NULL DEFAULT 0,
    "disagree_count" INTEGER NOT NULL DEFAULT 0,
    "nuanced_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "threads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "posts" (
    "id" SERIAL NOT NULL,
    "thread_id" INTEGER NOT NULL,
    "author_id" INTEGER NOT NULL,
    "parent_id" INTEGER,
    "depth" INTEGER NOT NULL DEFAULT 0,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "edited_at" TIMESTAMP(3),
    "deleted_at" TIMESTAMP(3),
    "hidden_at" TIMESTAMP(3),
    "hidden_reason" TEXT,
    "hidden_by_id" INTEGER,
    "reply_count" INTEGER NOT NULL DEFAULT 0,
    "upvotes" INTEGER NOT NULL DEFAULT 0,
    "downvotes" INTEGER NOT NULL DEFAULT 0,
    "score" INTEGER NOT NULL DEFAULT 0,
    "best_rank" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "controversy" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "posts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "post_revisions" (
    "id" SERIAL NOT NULL,
    "post_id" INTEGER NOT NULL,
    "editor_id" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "post_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "post_votes" (
    "post_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "value" SMALLINT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "post_votes_pkey" PRIMARY KEY ("post_id","user_id")
);

-- CreateTable
CREATE TABLE "thread_votes" (
    "thread_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "value" SMALLINT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "thread_votes_pkey" PRIMARY KEY ("thread_id","user_id")
);

-- CreateTable
CREATE TABLE "thread_stances" (
    "thread_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "stance" "Stance" NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "thread_stances_pkey" PRIMARY KEY ("thread_id","user_id")
);

-- CreateTable
CREATE TABLE "reports" (
    "id" SERIAL NOT NULL,
    "reporter_id" INTEGER NOT NULL,
    "target_type" "ReportTarget" NOT NULL,
    "post_id" INTEGER,
    "thread_id" INTEGER,
    "reason" "ReportReason" NOT NULL,
    "details" TEXT,
    "status" "ReportStatus" NOT NULL DEFAULT 'OPEN',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMP(3),
    "resolved_by_id" INTEGER,

    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "moderation_log" (
    "id" SERIAL NOT NULL,
    "actor_id" INTEGER,
    "action" "ModerationAction" NOT NULL,
    "target_type" "ModerationTarget" NOT NULL,
    "post_id" INTEGER,
    "thread_id" INTEGER,
    "target_user_id" INTEGER,
    "reason" TEXT,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "moderation_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit_hits" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rate_limit_hits_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "users_github_id_key" ON "users"("github_id");

-- CreateIndex
CREATE INDEX "users_role_idx" ON "users"("role");

-- CreateIndex
CREATE UNIQUE INDEX "articles_slug_key" ON "articles"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "threads_slug_key" ON "threads"("slug");

-- CreateIndex
CREATE INDEX "threads_is_pinned_hot_rank_id_idx" ON "threads"("is_pinned" DESC, "hot_rank" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "threads_is_pinned_created_at_id_idx" ON "threads"("is_pinned" DESC, "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "threads_is_pinned_score_id_idx" ON "threads"("is_pinned" DESC, "score" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "threads_is_pinned_last_activity_at_id_idx" ON "threads"("is_pinned" DESC, "last_activity_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "threads_author_id_created_at_idx" ON "threads"("author_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "threads_article_id_question_number_key" ON "threads"("article_id", "question_number");

-- CreateIndex
CREATE INDEX "posts_thread_id_best_rank_id_idx" ON "posts"("thread_id", "best_rank" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "posts_thread_id_score_id_idx" ON "posts"("thread_id", "score" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "posts_thread_id_created_at_id_idx" ON "posts"("thread_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "posts_thread_id_controversy_id_idx" ON "posts"("thread_id", "controversy" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "posts_author_id_created_at_idx" ON "posts"("author_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "posts_parent_id_idx" ON "posts"("parent_id");

-- CreateIndex
CREATE INDEX "post_revisions_post_id_created_at_idx" ON "post_revisions"("post_id", "created_at");

-- CreateIndex
CREATE INDEX "post_votes_user_id_idx" ON "post_votes"("user_id");

-- CreateIndex
CREATE INDEX "thread_votes_user_id_idx" ON "thread_votes"("user_id");

-- CreateIndex
CREATE INDEX "thread_stances_thread_id_stance_idx" ON "thread_stances"("thread_id", "stance");

-- CreateIndex
CREATE INDEX "thread_stances_user_id_idx" ON "thread_stances"("user_id");

-- CreateIndex
CREATE INDEX "reports_status_created_at_idx" ON "reports"("status", "created_at");

-- CreateIndex
CREATE INDEX "reports_post_id_status_idx" ON "reports"("post_id", "status");

-- CreateIndex
CREATE INDEX "reports_thread_id_status_idx" ON "reports"("thread_id", "status");

-- CreateIndex
CREATE INDEX "reports_reporter_id_created_at_idx" ON "reports"("reporter_id", "created_at");

-- CreateIndex
CREATE INDEX "moderation_log_created_at_id_idx" ON "moderation_log"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "moderation_log_actor_id_created_at_idx" ON "moderation_log"("actor_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "moderation_log_action_created_at_idx" ON "moderation_log"("action", "created_at" DESC);

-- CreateIndex
CREATE INDEX "moderation_log_post_id_idx" ON "moderation_log"("post_id");

-- CreateIndex
CREATE INDEX "moderation_log_thread_id_idx" ON "moderation_log"("thread_id");

-- CreateIndex
CREATE INDEX "moderation_log_target_user_id_idx" ON "moderation_log"("target_user_id");

-- CreateIndex
CREATE INDEX "rate_limit_hits_key_created_at_idx" ON "rate_limit_hits"("key", "created_at");

-- CreateIndex
CREATE INDEX "rate_limit_hits_created_at_idx" ON "rate_limit_hits"("created_at");

-- AddForeignKey
ALTER TABLE "threads" ADD CONSTRAINT "threads_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "threads" ADD CONSTRAINT "threads_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "threads" ADD CONSTRAINT "threads_hidden_by_id_fkey" FOREIGN KEY ("hidden_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "posts" ADD CONSTRAINT "posts_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "posts" ADD CONSTRAINT "posts_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "posts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "posts" ADD CONSTRAINT "posts_hidden_by_id_fkey" FOREIGN KEY ("hidden_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post_revisions" ADD CONSTRAINT "post_revisions_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post_revisions" ADD CONSTRAINT "post_revisions_editor_id_fkey" FOREIGN KEY ("editor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post_votes" ADD CONSTRAINT "post_votes_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post_votes" ADD CONSTRAINT "post_votes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "thread_votes" ADD CONSTRAINT "thread_votes_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "thread_votes" ADD CONSTRAINT "thread_votes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "thread_stances" ADD CONSTRAINT "thread_stances_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "thread_stances" ADD CONSTRAINT "thread_stances_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_reporter_id_fkey" FOREIGN KEY ("reporter_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "moderation_log" ADD CONSTRAINT "moderation_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "moderation_log" ADD CONSTRAINT "moderation_log_target_user_id_fkey" FOREIGN KEY ("target_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "moderation_log" ADD CONSTRAINT "moderation_log_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "moderation_log" ADD CONSTRAINT "moderation_log_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: invariants that Prisma's schema language cannot express.

ALTER TABLE "users"
  ADD CONSTRAINT "users_email_lower_case_check" CHECK ("email" = lower("email")),
  ADD CONSTRAINT "users_name_length_check" CHECK (char_length("name") BETWEEN 2 AND 40),
  ADD CONSTRAINT "users_suspension_check" CHECK ("suspended_until" IS NULL OR "suspended_at" IS NOT NULL);

ALTER TABLE "threads"
  ADD CONSTRAINT "threads_title_length_check" CHECK (char_length("title") BETWEEN 8 AND 200),
  ADD CONSTRAINT "threads_question_check" CHECK (("article_id" IS NULL) = ("question_number" IS NULL)),
  ADD CONSTRAINT "threads_hidden_check" CHECK ("hidden_reason" IS NULL OR "hidden_at" IS NOT NULL),
  ADD CONSTRAINT "threads_counters_check" CHECK (
    "post_count" >= 0 AND "upvotes" >= 0 AND "downvotes" >= 0 AND "score" = "upvotes" - "downvotes"
    AND "agree_count" >= 0 AND "disagree_count" >= 0 AND "nuanced_count" >= 0);

ALTER TABLE "posts"
  ADD CONSTRAINT "posts_body_length_check" CHECK (char_length("body") BETWEEN 1 AND 20000),
  ADD CONSTRAINT "posts_depth_check" CHECK ("depth" >= 0 AND ("parent_id" IS NULL) = ("depth" = 0)),
  ADD CONSTRAINT "posts_hidden_check" CHECK ("hidden_reason" IS NULL OR "hidden_at" IS NOT NULL),
  ADD CONSTRAINT "posts_counters_check" CHECK (
    "reply_count" >= 0 AND "upvotes" >= 0 AND "downvotes" >= 0 AND "score" = "upvotes" - "downvotes");

ALTER TABLE "post_votes" ADD CONSTRAINT "post_votes_value_check" CHECK ("value" IN (-1, 1));
ALTER TABLE "thread_votes" ADD CONSTRAINT "thread_votes_value_check" CHECK ("value" IN (-1, 1));

ALTER TABLE "reports"
  ADD CONSTRAINT "reports_target_check" CHECK (
    ("target_type" = 'POST' AND "post_id" IS NOT NULL AND "thread_id" IS NULL)
    OR ("target_type" = 'THREAD' AND "thread_id" IS NOT NULL AND "post_id" IS NULL)),
  ADD CONSTRAINT "reports_details_length_check" CHECK ("details" IS NULL OR char_length("details") <= 500);

-- One open report per member per target; closed reports do not block a new one.
CREATE UNIQUE INDEX "reports_one_open_per_post" ON "reports" ("reporter_id", "post_id") WHERE "status" = 'OPEN' AND "post_id" IS NOT NULL;
CREATE UNIQUE INDEX "reports_one_open_per_thread" ON "reports" ("reporter_id", "thread_id") WHERE "status" = 'OPEN' AND "thread_id" IS NOT NULL;

ALTER TABLE "moderation_log"
  ADD CONSTRAINT "moderation_log_target_check" CHECK (
    ("target_type" = 'POST' AND "post_id" IS NOT NULL)
    OR ("target_type" = 'THREAD' AND "thread_id" IS NOT NULL)
    OR ("target_type" = 'USER' AND "target_user_id" IS NOT NULL));

-- The moderation log is an honest record: rows can be added, never changed or removed.
CREATE FUNCTION "moderation_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'moderation_log is append-only';
END
$$;
CREATE TRIGGER "moderation_log_append_only" BEFORE UPDATE OR DELETE ON "moderation_log"
  FOR EACH ROW EXECUTE FUNCTION "moderation_log_refuse_change"();
