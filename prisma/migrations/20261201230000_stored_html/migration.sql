-- Thread bodies, revisions and the article are now stored rendered, like posts. Rows written
-- before this migration get their HTML from the launcher's render step right after it
-- (scripts/db/render-markdown.ts): SQL cannot render Markdown.

-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "body_html" TEXT;

-- AlterTable
ALTER TABLE "threads" ADD COLUMN     "body_html" TEXT;

-- AlterTable
ALTER TABLE "post_revisions" ADD COLUMN     "body_html" TEXT;
