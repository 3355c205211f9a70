/**
 * Four projects, one `vitest run`:
 *  - unit:   the unit tests beside the code (worker/, tenants/), sharing one module graph per thread
 *  - node:   the local libSQL server, migrations, the Node entry, CLIs; each file isolated
 *  - workerd: the real Worker inside workerd (@cloudflare/vitest-plugin) against the
 *             local libSQL server that tests/workerd/global-setup.ts starts
 *  - e2e:    pages in a real Chromium (playwright-core) against the Node entry
 */
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { configDefaults, defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * vitest's order, with the accessibility suites first: on a clean clone (CI) vitest has no
 * durations yet and falls back to file size, which put these two 4-line files — each a minute
 * or more of browser work — last, so the run waited on them alone at its end.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const long = (f: TestSpecification) => /tests\/e2e\/a11y-/.test(f.moduleId);
    return [...sorted.filter(long), ...sorted.filter((f) => !long(f))];
  }
}

// The Worker needs no Request.cf data in tests, and this network cannot fetch it.
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= "false";

const jsx = { jsx: { importSource: "hono/jsx" } };

/**
 * Unit tests that leave state behind for the next file in their thread (a mocked clock or module, a database
 * file or a process-wide setting): they run isolated, in the `node` project.
 */
const SHARES_STATE = [
  "worker/db/embedded-client.test.ts",
  "worker/features/finance/needs.test.ts",
  "worker/features/operator/create-operator.test.ts",
];

export default defineConfig({
  test: {
    // Three files at a time on two cores (vitest's default is cores − 1): most of a file's time
    // is spent waiting on a server, a database or the browser, not on this CPU (with two, a CI
    // run kept about 1.35 cores busy).
    maxWorkers: 3,
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        oxc: jsx,
        test: {
          name: "unit",
          // The unit tests beside the code share their modules (no isolation): ~110 files in ~15 s instead of
          // ~90 s of CI's time spent importing the same modules into a fresh thread per file. They keep no
          // state between files (checked with shuffled orders); the few that do run isolated, in `node`.
          isolate: false,
          pool: "threads",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          environment: "node",
          include: ["worker/**/*.test.ts", "tenants/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...SHARES_STATE],
        },
      },
      {
        oxc: jsx,
        test: {
          name: "node",
          // Worker threads, not processes: each isolated file starts in ~0.25 s instead of ~0.6 s (CI's time
          // budget). The tests need no process of their own (none changes directory).
          pool: "threads",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          environment: "node",
          include: ["dev/**/*.test.ts", "tests/node/**/*.test.ts", ...SHARES_STATE],
        },
      },
      {
        oxc: jsx,
        plugins: [
          cloudflareTest(({ inject }) => ({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: {
                LIBSQL_URL_TEMPLATE: `${inject("libsqlUrl")}/t/{tenant}/`,
                PLATFORM_DB_URL: `${inject("libsqlUrl")}/t/platform/`,
              },
            },
          })),
        ],
        test: {
          name: "workerd",
          // One workerd per worker for all its files: a fresh one per file cost about 6 s of start-up and
          // module loading each (55 files: 230 s of a CI run, against 50 s shared). Tests share no state
          // but the databases, and each file signs in from its own IP block (freshIp()).
          isolate: false,
          // Generous limits, not timing assertions: suites hash passwords (PBKDF2 100k) and
          // run many requests, and CI shares two cores with other work.
          testTimeout: 30_000,
          hookTimeout: 60_000,
          include: ["tests/workerd/**/*.test.ts"],
          globalSetup: ["tests/workerd/global-setup.ts"],
        },
      },
      {
        oxc: jsx,
        test: {
          name: "e2e",
          environment: "node",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/e2e/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
