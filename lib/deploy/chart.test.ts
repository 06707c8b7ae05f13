import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderChart, type Manifest } from "./helm-chart";
import { kubernetesSchemaErrors } from "./kubernetes-schemas";

// The Helm chart of docs/deploy/helm/crucible, rendered like `helm template` (lib/deploy/go-template.ts)
// with its defaults and the variants its values offer, and validated against the Kubernetes schemas.

type Container = { name: string; image: string; command?: string[]; env: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[]; readinessProbe?: { httpGet: { path: string; port: string } }; livenessProbe?: { httpGet: { path: string } }; ports?: { name: string }[] };
type PodSpec = { containers: Container[]; securityContext: { runAsNonRoot: boolean }; terminationGracePeriodSeconds?: number };

const find = (manifests: Manifest[], kind: string, suffix = "") => manifests.find((m) => m.kind === kind && m.metadata.name.endsWith(suffix));
const podOf = (m: Manifest | undefined) => (m as unknown as { spec: { template: { spec: PodSpec; metadata: { labels: Record<string, string> } } } }).spec.template;

const VARIANTS: Record<string, Record<string, unknown>> = {
  defaults: {},
  "ingress with TLS, fixed replicas, no HPA": { ingress: { enabled: true, className: "nginx", tlsSecretName: "crucible-tls" }, autoscaling: { enabled: false }, web: { replicas: 4, extraEnv: [{ name: "CRUCIBLE_TASKS_RATE", value: "20" }] } },
  "workers in the web pods, no migration job, no PDB": { worker: { enabled: false }, migrations: { enabled: false }, podDisruptionBudget: { enabled: false }, publicUrl: "https://crucible.example.com" },
};

describe("the Helm chart", () => {
  for (const [name, values] of Object.entries(VARIANTS)) {
    it(`renders valid Kubernetes objects: ${name}`, () => {
      const manifests = renderChart(values, "prod");
      expect(manifests.length).toBeGreaterThan(2);
      for (const m of manifests) expect(kubernetesSchemaErrors(m), `${m.kind} ${m.metadata.name}`).toEqual([]);
      // Secrets only by reference: no Secret object, no literal DATABASE_URL or NEXTAUTH_SECRET.
      expect(manifests.map((m) => m.kind)).not.toContain("Secret");
      for (const m of manifests.filter((x) => x.kind === "Deployment" || x.kind === "Job")) {
        const pod = podOf(m).spec;
        expect(pod.securityContext.runAsNonRoot).toBe(true);
        for (const c of pod.containers) {
          for (const secret of ["DATABASE_URL", "NEXTAUTH_SECRET"]) expect(c.env.find((e) => e.name === secret)?.valueFrom?.secretKeyRef?.name).toBe("crucible");
        }
      }
    });
  }

  it("web pods probe /healthz, drain within their grace period, and the Service, HPA and PDB point at them", () => {
    const manifests = renderChart({}, "prod");
    const web = find(manifests, "Deployment", "-web")!;
    const pod = podOf(web);
    const container = pod.spec.containers[0]!;
    expect(container.readinessProbe!.httpGet.path).toBe("/healthz");
    expect(container.livenessProbe!.httpGet.path).toBe("/healthz");
    const env = Object.fromEntries(container.env.map((e) => [e.name, e.value]));
    expect(env.CRUCIBLE_WORKERS).toBe("0"); // the worker Deployment runs the jobs
    expect(Number(env.CRUCIBLE_DRAIN_DELAY_SECONDS) + Number(env.CRUCIBLE_DRAIN_TIMEOUT_SECONDS)).toBeLessThan(pod.spec.terminationGracePeriodSeconds!);
    const selector = (web.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels;
    for (const [k, v] of Object.entries(selector)) expect(pod.metadata.labels[k]).toBe(v);
    expect((find(manifests, "Service")!.spec as { selector: Record<string, string> }).selector).toEqual(selector);
    expect((find(manifests, "PodDisruptionBudget")!.spec as { selector: { matchLabels: unknown } }).selector.matchLabels).toEqual(selector);
    expect((find(manifests, "HorizontalPodAutoscaler")!.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name).toBe(web.metadata.name);
    expect((web.spec as { replicas?: number }).replicas).toBeUndefined(); // the HPA owns the count
  });

  it("runs the worker and the migrations with the image's commands, migrations as a pre-install/pre-upgrade hook", () => {
    const manifests = renderChart({}, "prod");
    expect(podOf(find(manifests, "Deployment", "-worker")).spec.containers[0]!.command).toEqual(["node", "dist/lib/jobs/worker-main.js"]);
    const job = find(manifests, "Job", "-migrate")!;
    expect(podOf(job).spec.containers[0]!.command).toEqual(["node", "dist/lib/admin/cli.js", "migrate"]);
    expect(job.metadata.annotations!["helm.sh/hook"]).toBe("pre-install,pre-upgrade");
    const web = podOf(find(manifests, "Deployment", "-web")).spec.containers[0]!;
    expect(web.command).toBeUndefined(); // the image's CMD: node dist/server.js
  });

  it("without the worker Deployment the web pods run the jobs; names follow the release", () => {
    const manifests = renderChart({ worker: { enabled: false } }, "crucible");
    expect(find(manifests, "Deployment", "-worker")).toBeUndefined();
    const web = find(manifests, "Deployment", "-web")!;
    expect(web.metadata.name).toBe("crucible-web");
    expect(podOf(web).spec.containers[0]!.env.find((e) => e.name === "CRUCIBLE_WORKERS")!.value).toBe("1");
  });

  it("the schema check catches a value of the wrong type", () => {
    const manifests = renderChart({ autoscaling: { enabled: false }, web: { replicas: "three" } });
    expect(kubernetesSchemaErrors(find(manifests, "Deployment", "-web")!).join()).toMatch(/replicas must be integer/);
  });

  it("sets only settings the app reads (a misspelt name would be ignored silently)", () => {
    const source = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? source(path.join(dir, e.name)) : /\.ts$/.test(e.name) && !e.name.endsWith(".test.ts") ? [readFileSync(path.join(dir, e.name), "utf8")] : []));
    const code = [...source("lib"), ...source("db"), readFileSync("server.ts", "utf8")].join("\n");
    const manifests = renderChart({ publicUrl: "https://crucible.example.com" }, "prod");
    const names = new Set(manifests.filter((m) => m.kind === "Deployment" || m.kind === "Job").flatMap((m) => podOf(m).spec.containers.flatMap((c) => c.env.map((e) => e.name))));
    expect(names.size).toBeGreaterThan(8);
    // next-auth reads NEXTAUTH_SECRET itself; the app's own code names it too.
    for (const name of names) expect(code, name).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it("refuses to render without a Secret name", () => {
    expect(() => renderChart({ secret: { name: "" } })).toThrow("secret.name is required");
  });
});
