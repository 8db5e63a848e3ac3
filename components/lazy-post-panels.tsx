"use client";

import dynamic from "next/dynamic";
import type { PostComposer } from "./post-composer";
import type { PostHistory } from "./post-history";

/**
 * What a post's reader opens on demand, in chunks of their own: rendered on the server where the
 * page opens them (so that they work without JavaScript), their code downloaded only then. A
 * reader who opens nothing never loads the composer, its Markdown preview, or the word diff.
 */
export const LazyPostComposer = dynamic(() => import("./post-composer").then((module) => module.PostComposer)) as typeof PostComposer;
export const LazyPostHistory = dynamic(() => import("./post-history").then((module) => module.PostHistory)) as typeof PostHistory;
