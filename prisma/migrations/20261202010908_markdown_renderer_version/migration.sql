-- CreateTable
CREATE TABLE "markdown_renderer" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL,
    "rendered_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "markdown_renderer_pkey" PRIMARY KEY ("id")
);

-- One row at most: the version of the HTML stored everywhere.
ALTER TABLE "markdown_renderer" ADD CONSTRAINT "markdown_renderer_single_row" CHECK ("id");
