import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { joinWorkspace, makeAccount } from "@/lib/auth/testing";
import { accountIdOfCruncher, cruncherNames, resolveCruncherHandles } from "./cruncher-names";
import { cruncherIdOf } from "./queue";

describe("cruncher names", () => {
  it("turn a cruncher id back into its account and name it", async () => {
    const owner = await makeAccount();
    const cara = await makeAccount("cruncher");
    expect(accountIdOfCruncher(cruncherIdOf(cara.id))).toBe(cara.id);
    expect(accountIdOfCruncher("sim-1")).toBeNull();
    const names = await cruncherNames(getDb(), [cruncherIdOf(cara.id), "sim-1"]);
    expect([...names]).toEqual([[cruncherIdOf(cara.id), cara.username]]);
    void owner;
  });

  it("accept a workspace member's username or e-mail in exclude_crunchers, and nobody else's", async () => {
    const owner = await makeAccount();
    const cara = await makeAccount("cruncher");
    const outsider = await makeAccount("cruncher");
    await joinWorkspace(owner.id, cara.id, "cruncher");
    const id = cruncherIdOf(cara.id);
    const resolved = await resolveCruncherHandles(getDb(), owner.id, [cara.username.toUpperCase(), cara.email, id.toUpperCase(), outsider.username]);
    expect(resolved).toEqual([id, id, id, outsider.username]);
  });
});
