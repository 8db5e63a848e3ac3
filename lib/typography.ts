// French typography in interface strings: the narrow no-break space French sets before ; : ! ? »
// and after « (`Source${NNBSP}: …`, `«${NNBSP}titre${NNBSP}»`), the character the Markdown
// pipeline puts in rendered texts (lib/markdown/french-spacing.mjs, which a worker loads without
// TypeScript, hence its own copy). A constant rather than the character itself: it is invisible.
export const NNBSP = "\u202F";
