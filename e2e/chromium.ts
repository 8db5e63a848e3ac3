// Which Chromium the e2e suite (and the audit and screenshot scripts) drives, never downloading
// one: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own browser if the user
// installed it; and how it starts on this kind of machine.
import fs from "node:fs";
import { chromium } from "@playwright/test";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/** The executable to launch, or undefined for Playwright's own browser. Exits when there is none. */
export function findChromium(): string | undefined {
  for (const candidate of [process.env.CHROMIUM_PATH, SYSTEM_CHROMIUM]) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  if (fs.existsSync(chromium.executablePath())) return undefined;
  console.error(
    "No Chromium for the e2e tests: install one (Debian: `apt-get install chromium`) or set CHROMIUM_PATH to its executable.",
  );
  process.exit(1);
}

/** Root cannot use Chromium's sandbox; the rest keep it from calling the (closed) network. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
