import { z } from "zod";

// MLTrainCreate of the models document and the original implementation: {modelid, placement}, the
// placement being {clusterID, node, continuum}. Placement is recorded with the job; every job runs in
// this app's worker.

export const placementSchema = z.strictObject({
  clusterID: z.string().max(200).nullable().default(null).describe("The cluster to train on (recorded)."),
  node: z.string().max(200).nullable().default(null).describe("The node to train on (recorded)."),
  continuum: z.boolean().default(false).describe("Whether the job may run on the continuum (recorded)."),
});
export type TrainingPlacement = z.infer<typeof placementSchema>;

export const trainingCreateSchema = z.strictObject({
  modelid: z.string().min(1).max(100).describe("The model whose code file trains on its data file."),
  placement: placementSchema.describe("Where to train; recorded with the job."),
});

/** Placement of jobs started from the dashboard or by drift: anywhere. */
export const ANYWHERE: TrainingPlacement = { clusterID: "*", node: "*", continuum: false };
