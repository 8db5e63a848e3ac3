-- AlterTable
ALTER TABLE "posts" ADD COLUMN     "body_html" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "root_id" INTEGER;

-- CreateIndex
CREATE INDEX "posts_root_id_created_at_id_idx" ON "posts"("root_id", "created_at", "id");

-- AddForeignKey
ALTER TABLE "posts" ADD CONSTRAINT "posts_root_id_fkey" FOREIGN KEY ("root_id") REFERENCES "posts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: a reply always knows its conversation, a top-level post never has one.
ALTER TABLE "posts" ADD CONSTRAINT "posts_root_check" CHECK (("root_id" IS NULL) = ("parent_id" IS NULL));
