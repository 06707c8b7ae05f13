import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { Job } from "kubernetes-models/batch/v1/Job";
import { Service } from "kubernetes-models/v1/Service";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";

/**
 * Validates Kubernetes objects against the API's OpenAPI schemas, as kubernetes-models ships them
 * (compiled with ajv). The kinds the chart and the serving manifests use; any other kind is an error.
 */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  "apps/v1/Deployment": Deployment,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "batch/v1/Job": Job,
  "v1/Service": Service,
  "networking.k8s.io/v1/Ingress": Ingress,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
};

/** The schema errors of `object` (empty when it is valid). */
export function kubernetesSchemaErrors(object: { apiVersion?: unknown; kind?: unknown }): string[] {
  const key = `${String(object.apiVersion)}/${String(object.kind)}`;
  // A v1 List (what `kubectl get -o json` prints and `kubectl apply -f` takes) has no schema of its own.
  if (key === "v1/List") {
    const items = (object as { items?: unknown }).items;
    if (!Array.isArray(items) || !items.length) return ["v1/List: items must be a non-empty array"];
    return items.flatMap((item: { apiVersion?: unknown; kind?: unknown }) => kubernetesSchemaErrors(item));
  }
  const Model = MODELS[key];
  if (!Model) return [`no schema for ${key}`];
  const errors: string[] = [];
  try {
    new Model(object as never).validate();
  } catch (error) {
    errors.push(`${key}: ${(error as Error).message}`);
  }
  return errors;
}
