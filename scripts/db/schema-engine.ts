// Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm): it computes the
// SQL between two schemas offline, where the native engine cannot be downloaded. The package is
// bundler-style ESM, so the .wasm is instantiated here by hand.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

type DiffTarget =
  | { tag: "empty" }
  | { tag: "schemaDatamodel"; files: { path: string; content: string }[] };

type SchemaEngine = {
  diff(params: {
    from: DiffTarget;
    to: DiffTarget;
    script: boolean;
    exitCode: boolean | null;
    filters: { externalTables: string[]; externalEnums: string[] };
  }): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};

type SchemaEngineClass = { new: (...args: unknown[]) => Promise<SchemaEngine> };

// The bindings hold the instance in a module-level variable: instantiate once per process.
let engineClass: Promise<SchemaEngineClass> | undefined;
const loadEngine = () => (engineClass ??= instantiateEngine());

async function instantiateEngine(): Promise<SchemaEngineClass> {
  const bindingsFile = createRequire(path.resolve("package.json")).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bindings = await import(pathToFileURL(bindingsFile).href);
  const bytes = fs.readFileSync(bindingsFile.replace(/\.js$/, ".wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings.SchemaEngine;
}

/** The SQL that turns a database built for `from` into one built for `to` (empty when equal). */
export async function diffSchemas(databaseUrl: string, from: string | null, to: string): Promise<string> {
  const SchemaEngine = await loadEngine();
  // The engine connects to the database before any command, even a schema-to-schema diff.
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  const engine = await SchemaEngine.new({ datamodels: [["schema.prisma", to]] }, () => {}, adapter);
  try {
    const target = (content: string | null): DiffTarget =>
      content === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content }] };
    const result = await engine.diff({
      from: target(from),
      to: target(to),
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}
