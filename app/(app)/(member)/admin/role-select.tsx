"use client";

import { useState } from "react";
import { Select } from "@/components/ui";
import { setRoleAction } from "./actions";

export function RoleSelect({ accountId, role, label }: { accountId: string; role: string; label: string }) {
  const [value, setValue] = useState(role);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Select
        aria-label={`Role of ${label}`}
        className="w-36"
        value={value}
        onChange={async (e) => {
          const next = e.target.value;
          const previous = value;
          setValue(next);
          const result = await setRoleAction(accountId, next);
          if (!result.ok) setValue(previous);
          setMessage(result.ok ? "Saved" : result.message ?? "Not saved");
        }}
      >
        <option value="member">member</option>
        <option value="cruncher">cruncher</option>
      </Select>
      {message ? <span className="text-xs text-slate-500">{message}</span> : null}
    </span>
  );
}
