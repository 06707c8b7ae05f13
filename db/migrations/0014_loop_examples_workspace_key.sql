ALTER TABLE "loop_examples" DROP CONSTRAINT "loop_examples_workspace_id_workspaces_id_fk";
