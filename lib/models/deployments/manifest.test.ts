import { describe, expect, it } from "vitest";
import { kubernetesSchemaErrors } from "@/lib/deploy/kubernetes-schemas";
import { schedulingFor, servingManifest, servingName, servingSettingsFromEnv } from "./manifest";

const settings = servingSettingsFromEnv({ CRUCIBLE_SERVING_IMAGE: "registry.example/crucible:1.2.3", CRUCIBLE_SERVING_SECRET: "crucible-prod", CRUCIBLE_SERVING_NAMESPACE: "ml" } as unknown as NodeJS.ProcessEnv);
const edge = { key: "crucible.io/continuum", operator: "Equal", value: "edge", effect: "NoSchedule" };
const nodes = (operator: string, value: string) => ({
  nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "crucible.io/continuum", operator, values: [value] }] }] } },
});

describe("a deployment's serving pod manifest", () => {
  it("maps node to a hostname nodeSelector and '*' to no constraint", () => {
    expect(schedulingFor({ clusterID: "*", node: "gpu-3", continuum: "*" }).nodeSelector).toEqual({ "kubernetes.io/hostname": "gpu-3" });
    expect(schedulingFor({ clusterID: "*", node: "*", continuum: "*" }).nodeSelector).toBeUndefined();
  });

  it("maps continuum to the edge affinity and tolerations", () => {
    expect(schedulingFor({ clusterID: "*", node: "*", continuum: true })).toEqual({ affinity: nodes("In", "edge"), tolerations: [edge] });
    expect(schedulingFor({ clusterID: "*", node: "*", continuum: "true" })).toEqual({ affinity: nodes("In", "edge"), tolerations: [edge] });
    expect(schedulingFor({ clusterID: "*", node: "*", continuum: false })).toEqual({ affinity: nodes("NotIn", "edge") });
    expect(schedulingFor({ clusterID: "*", node: "*", continuum: "FALSE" })).toEqual({ affinity: nodes("NotIn", "edge") });
    expect(schedulingFor({ clusterID: "*", node: "*", continuum: "*" })).toEqual({ tolerations: [edge] });
    expect(schedulingFor({ clusterID: "*", node: "*", continuum: "Far Edge" })).toEqual({ affinity: nodes("In", "far-edge"), tolerations: [{ ...edge, value: "far-edge" }] });
  });

  it("gives distinct DNS-1123 names to ids that read alike", () => {
    const names = ["dep-A", "dep_a", "dep.a", "Dep:A", "x".repeat(128)].map(servingName);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/);
  });

  it("is a valid List of a Deployment and a Service running the image in serving-only mode, with secrets by reference", () => {
    const manifest = servingManifest({ deploymentId: "dep:Iris_1", modelId: "m-1", placement: { clusterID: "edge-eu", node: "pi-4", continuum: true } }, settings);
    expect(kubernetesSchemaErrors(manifest)).toEqual([]);
    const [deployment, service] = (manifest as unknown as { items: { kind: string; metadata: { name: string; namespace: string; annotations: Record<string, string> }; spec: Record<string, unknown> }[] }).items;
    expect([deployment!.kind, service!.kind]).toEqual(["Deployment", "Service"]);
    expect(deployment!.metadata.namespace).toBe("ml");
    expect(deployment!.metadata.annotations).toMatchObject({ "crucible.io/cluster": "edge-eu", "crucible.io/deployment-id": "dep:Iris_1" });
    const pod = (deployment!.spec.template as { spec: { nodeSelector: unknown; containers: { image: string; env: { name: string; value?: string; valueFrom?: unknown }[] }[] } }).spec;
    expect(pod.nodeSelector).toEqual({ "kubernetes.io/hostname": "pi-4" });
    const container = pod.containers[0]!;
    expect(container.image).toBe("registry.example/crucible:1.2.3");
    const env = Object.fromEntries(container.env.map((e) => [e.name, e.value ?? e.valueFrom]));
    expect(env.CRUCIBLE_SERVE_DEPLOYMENTS).toBe("dep:Iris_1");
    expect(env.DATABASE_URL).toEqual({ secretKeyRef: { name: "crucible-prod", key: "DATABASE_URL" } });
    expect(env.NEXTAUTH_SECRET).toEqual({ secretKeyRef: { name: "crucible-prod", key: "NEXTAUTH_SECRET" } });
    expect((service!.spec as { selector: unknown }).selector).toEqual((deployment!.spec.selector as { matchLabels: unknown }).matchLabels);
    const anywhere = servingManifest({ deploymentId: "d", modelId: "m", placement: { clusterID: "*", node: "*", continuum: "*" } }, servingSettingsFromEnv({} as unknown as NodeJS.ProcessEnv));
    expect(kubernetesSchemaErrors(anywhere)).toEqual([]);
    expect(JSON.stringify(anywhere)).not.toContain("crucible.io/cluster");
  });
});
