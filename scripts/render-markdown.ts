// `npm run db:render`: re-renders the stored HTML of every Markdown source (posts, revisions,
// thread bodies, the article), e.g. after a change of the pipeline or its sanitiser.
import { renderStoredMarkdown } from "./db/render-markdown";

renderStoredMarkdown(process.env.DATABASE_URL!, { all: true }).then(
  ({ failed }) => process.exit(failed.length ? 1 : 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
