"use client";

import dynamic from "next/dynamic";
import type { PostComposer } from "./post-composer";

/**
 * The composer, in a chunk of its own: rendered on the server where a form is open (so that it
 * works without JavaScript), its code downloaded only then. A reader never loads it.
 */
export const LazyPostComposer = dynamic(() => import("./post-composer").then((module) => module.PostComposer)) as typeof PostComposer;
