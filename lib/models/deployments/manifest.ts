import { createHash } from "node:crypto";
// Types only (erased from the build): the compiler then refuses a misspelt field of these objects,
// which the API server would drop with no more than a warning.
import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IPodSpec } from "kubernetes-models/v1/PodSpec";
import type { IService } from "kubernetes-models/v1/Service";
import type { Placement } from "@/db/schema";
import { SERVE_DEPLOYMENTS_ENV } from "@/lib/http/serving-only";

/**
 * The Kubernetes manifest of a deployment's dedicated serving pod (GET /deployment/{id}/manifest):
 * a one-replica Deployment running the app's image in serving-only mode for this deployment, and a
 * Service in front of it, as a v1 List (`kubectl apply -f` takes it). The placement decides where
 * it may run:
 * - node: a name → nodeSelector kubernetes.io/hostname=<name>; "*" → no constraint;
 * - continuum: true (or "true") → only nodes labelled crucible.io/continuum=edge, tolerating the
 *   taint crucible.io/continuum=edge:NoSchedule; another word (e.g. "fog") → that layer the same
 *   way; false (or "false") → never such a node; "*" → any node, edge nodes' taint tolerated;
 * - clusterID: not a field of a manifest; anything but "*" is kept as the annotation
 *   crucible.io/cluster, for whoever applies it to that cluster's context.
 */
export interface ServingSettings {
  image: string;
  /** The Secret holding DATABASE_URL and NEXTAUTH_SECRET (the chart's, by reference). */
  secretName: string;
  databaseUrlKey: string;
  sessionSecretKey: string;
  namespace: string | null;
  port: number;
}

/** From the web server's environment; the Helm chart sets these to its own image and Secret. */
export function servingSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): ServingSettings {
  return {
    image: env.CRUCIBLE_SERVING_IMAGE || "crucible:latest",
    secretName: env.CRUCIBLE_SERVING_SECRET || "crucible",
    databaseUrlKey: env.CRUCIBLE_SERVING_SECRET_DATABASE_URL_KEY || "DATABASE_URL",
    sessionSecretKey: env.CRUCIBLE_SERVING_SECRET_SESSION_KEY || "NEXTAUTH_SECRET",
    namespace: env.CRUCIBLE_SERVING_NAMESPACE || null,
    port: 3000,
  };
}

export const CONTINUUM_LABEL = "crucible.io/continuum";
export const EDGE_LAYER = "edge";

/** The node constraints of a placement: nodeSelector, affinity and tolerations of the pod spec. */
export function schedulingFor(placement: Placement): Pick<IPodSpec, "nodeSelector" | "affinity" | "tolerations"> {
  const spec: Pick<IPodSpec, "nodeSelector" | "affinity" | "tolerations"> = {};
  if (placement.node && placement.node !== "*") spec.nodeSelector = { "kubernetes.io/hostname": placement.node };
  const continuum = String(placement.continuum ?? "*").trim().toLowerCase();
  const tolerate = (layer: string): IPodSpec["tolerations"] => [{ key: CONTINUUM_LABEL, operator: "Equal", value: layer, effect: "NoSchedule" }];
  const requireNodes = (operator: "In" | "NotIn", layer: string): IPodSpec["affinity"] => ({
    nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: CONTINUUM_LABEL, operator, values: [layer] }] }] } },
  });
  if (continuum === "*" || continuum === "") spec.tolerations = tolerate(EDGE_LAYER);
  else if (continuum === "false") spec.affinity = requireNodes("NotIn", EDGE_LAYER);
  else {
    const layer = continuum === "true" ? EDGE_LAYER : labelValue(continuum);
    spec.affinity = requireNodes("In", layer);
    spec.tolerations = tolerate(layer);
  }
  return spec;
}

/** A label value (≤ 63 of [a-z0-9._-], alphanumeric at both ends). */
function labelValue(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "").slice(0, 63).replace(/[^a-z0-9]+$/, "") || "x";
}

/** A DNS-1123 name for the deployment's objects: readable, and distinct for ids that read alike. */
export function servingName(deploymentId: string): string {
  const hash = createHash("sha256").update(deploymentId).digest("hex").slice(0, 8);
  const readable = deploymentId.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 38).replace(/-+$/, "");
  return `crucible-serve-${readable ? `${readable}-` : ""}${hash}`;
}

export interface ServingManifest {
  apiVersion: "v1";
  kind: "List";
  items: [IDeployment, IService];
}

export function servingManifest(deployment: { deploymentId: string; modelId: string; placement: Placement }, settings: ServingSettings): ServingManifest {
  const name = servingName(deployment.deploymentId);
  const labels = { "app.kubernetes.io/name": "crucible", "app.kubernetes.io/component": "serving", "crucible.io/serving": name };
  const annotations: Record<string, string> = { "crucible.io/deployment-id": deployment.deploymentId, "crucible.io/model-id": deployment.modelId };
  if (deployment.placement.clusterID && deployment.placement.clusterID !== "*") annotations["crucible.io/cluster"] = deployment.placement.clusterID;
  const metadata = { name, labels, annotations, ...(settings.namespace ? { namespace: settings.namespace } : {}) };
  const fromSecret = (name: string, key: string) => ({ name, valueFrom: { secretKeyRef: { name: settings.secretName, key } } });
  const probe = (failureThreshold: number) => ({ httpGet: { path: "/healthz", port: "http" }, periodSeconds: 10, timeoutSeconds: 3, failureThreshold });
  const pod: NonNullable<IDeployment["spec"]>["template"] = {
    metadata: { labels, annotations },
    spec: {
      ...schedulingFor(deployment.placement),
      terminationGracePeriodSeconds: 40,
      securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, seccompProfile: { type: "RuntimeDefault" } },
      containers: [
        {
          name: "serve",
          image: settings.image,
          ports: [{ name: "http", containerPort: settings.port }],
          env: [
            fromSecret("DATABASE_URL", settings.databaseUrlKey),
            fromSecret("NEXTAUTH_SECRET", settings.sessionSecretKey),
            { name: SERVE_DEPLOYMENTS_ENV, value: deployment.deploymentId },
            { name: "CRUCIBLE_WORKERS", value: "0" },
            { name: "CRUCIBLE_TRUST_PROXY", value: "1" },
            { name: "CRUCIBLE_DRAIN_DELAY_SECONDS", value: "5" },
            { name: "PORT", value: String(settings.port) },
          ],
          readinessProbe: probe(1),
          livenessProbe: probe(6),
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
          volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
        },
      ],
      volumes: [{ name: "tmp", emptyDir: {} }],
    },
  };
  return {
    apiVersion: "v1",
    kind: "List",
    items: [
      { apiVersion: "apps/v1", kind: "Deployment", metadata, spec: { replicas: 1, selector: { matchLabels: { "crucible.io/serving": name } }, template: pod } },
      { apiVersion: "v1", kind: "Service", metadata, spec: { selector: { "crucible.io/serving": name }, ports: [{ name: "http", port: 80, targetPort: "http" }] } },
    ],
  };
}
