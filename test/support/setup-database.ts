// Before each test file: a database of its own, copied from the migrated template, in
// DATABASE_URL before the file imports the app's modules. Dropped after the file.
import { afterAll, inject } from "vitest";
import { createDatabase, databaseUrl, dropDatabase } from "../../scripts/db/admin";
import { TEMPLATE_DATABASE, newTestDatabaseName } from "./database-server";

const serverUrl = inject("databaseServerUrl");
const name = newTestDatabaseName();
await createDatabase(serverUrl, name, TEMPLATE_DATABASE);
process.env.DATABASE_URL = databaseUrl(serverUrl, name);
// Sessions in tests are signed with a secret of their own.
process.env.AUTH_SECRET ??= "agora-test-secret-not-for-production";
// Route handlers are called without a socket: the tests play a proxy, whose X-Forwarded-For gives
// each request the address it needs. Tests of the socket's address set this themselves.
process.env.TRUSTED_PROXIES ??= "1";

afterAll(() => dropDatabase(serverUrl, name));
