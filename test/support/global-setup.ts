import type { TestProject } from "vitest/node";
import { startTestDatabaseServer } from "./database-server";

declare module "vitest" {
  export interface ProvidedContext {
    databaseServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestDatabaseServer();
  project.provide("databaseServerUrl", server.serverUrl);
  return server.stop;
}
