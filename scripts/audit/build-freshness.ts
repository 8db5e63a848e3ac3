// Whether .next holds a production build of the code as it is now. `next build` writes
// .next/BUILD_ID once the code is compiled, so its time is the build's: the build is stale when
// it is missing or when a file the build reads (tracked or new, tests aside) changed after it.
// (`next dev` writes under .next/dev and leaves the production build alone.)
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";

const BUILD_ID = ".next/BUILD_ID";
/** What `next build` reads: routes, components, the domain layer, configuration, dependencies. */
const BUILD_INPUTS = /^(app|components|lib|public|prisma)\/|^(proxy|instrumentation|instrumentation-client)\.ts$|^(next\.config\.js|postcss\.config\.mjs|tsconfig\.json|package-lock\.json|\.env.*)$/;

/** Why the build must be redone, or null when it is up to date. */
export function staleBuildReason(): string | null {
  if (!fs.existsSync(BUILD_ID)) return "no production build in .next";
  const builtAt = fs.statSync(BUILD_ID).mtimeMs;
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { encoding: "utf8" }).split("\n");
  const changed = files.find((file) => BUILD_INPUTS.test(file) && fs.existsSync(file) && fs.statSync(file).mtimeMs > builtAt);
  return changed ? `${changed} changed after the last build` : null;
}

/** Builds for production unless .next is up to date (or `force`); says which and why. */
export function ensureProductionBuild(force: boolean) {
  const reason = force ? "--build asked for it" : staleBuildReason();
  if (!reason) return console.log("Production build in .next is up to date: not rebuilding.");
  console.log(`Building for production (${reason})…`);
  if (spawnSync("npm", ["run", "build"], { stdio: "inherit" }).status !== 0) throw new Error("The build failed: read its errors above.");
}
