ALTER TABLE "loop_examples" DROP CONSTRAINT IF EXISTS "loop_examples_workspace_id_workspaces_id_fk";
