import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-slate-50 to-indigo-50/60 px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-8 text-center">
          <span className="text-2xl font-bold tracking-tight text-slate-900">
            <span className="text-indigo-600">◆</span> Crucible
          </span>
          <p className="mt-1 text-sm text-slate-500">Learning loops · Model registry · Human tasks</p>
        </div>
        {children}
      </div>
    </main>
  );
}
