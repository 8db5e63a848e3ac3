// @ts-check
// The version of the HTML that pipeline.mjs makes. Bump it with any change of the pipeline that
// changes the output of texts already stored: the launcher then re-renders every one of them
// (scripts/db/render-markdown.ts). A module of its own, so that the launcher reads it without
// loading the pipeline.
// 2: French spacing (french-spacing.mjs).
// 3: code blocks take the keyboard's focus (tabindex="0": they scroll sideways).
export const RENDERER_VERSION = 3;
