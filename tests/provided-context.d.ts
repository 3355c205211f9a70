// What each vitest project's global setup hands its tests through provide/inject.
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** tests/workerd/global-setup.ts: the local libSQL server's URL. */
    libsqlUrl: string;
    /** tests/e2e/global-setup.ts: the Chromium executable the browser tests drive. */
    chromiumPath: string;
    /** tests/e2e/global-setup.ts: the demo zones' and the platform's databases, prepared once, copied per server. */
    e2eDemoDatabases: string;
  }
}
