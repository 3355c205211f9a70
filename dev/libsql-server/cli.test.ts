import { spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";

const cli = fileURLToPath(new URL("./cli.ts", import.meta.url));
const tsx = createRequire(import.meta.url).resolve("tsx/cli");

describe("cli", () => {
  it.each(["SIGINT", "SIGTERM"] as const)("prints its URL, serves tenants and stops cleanly on %s", async (signal) => {
    const child = spawn(process.execPath, [tsx, cli, "--port", "0", "--data", ":memory:", "--quiet"], {
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, so that a failed test can take down tsx and the server process it runs.
      detached: true,
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    const exited = once(child, "exit");
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGKILL");
    });

    while (!output.includes("/t/<slug>/") && child.exitCode === null) await once(child.stdout, "data");
    const url = /listening on (http:\S+)/.exec(output)?.[1];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(output).toContain(`${url}/t/<slug>/`);

    const response = await fetch(`${url}/t/cli/v2/pipeline`, {
      method: "POST",
      body: JSON.stringify({ requests: [{ type: "execute", stmt: { sql: "SELECT 6 * 7" } }, { type: "close" }] }),
    });
    expect((await response.json()).results[0].response.result.rows).toEqual([[{ type: "integer", value: "42" }]]);

    child.kill(signal);
    const [code] = await exited;
    expect(code).toBe(0);
    expect(output).toContain(`${signal}: closing`);
  });
});
