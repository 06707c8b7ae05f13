import type { ButtonHTMLAttributes, InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { Breadcrumbs } from "./breadcrumbs";
import { CopyButton } from "./copy-button";
export { Field } from "./field";

/** Small shared building blocks so every page looks and behaves the same. */
export function cx(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}

export function Button({ variant = "primary", className, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "primary" | "secondary" | "danger" }) {
  return (
    <button
      className={cx(
        "inline-flex items-center justify-center gap-2 rounded-md px-3.5 py-2 text-sm font-medium shadow-sm transition focus:outline-none focus-visible:ring-2 focus-visible:ring-offset-2 disabled:cursor-not-allowed disabled:opacity-60",
        variant === "primary" && "bg-indigo-600 text-white hover:bg-indigo-500 focus-visible:ring-indigo-500",
        variant === "secondary" && "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50 focus-visible:ring-slate-400",
        variant === "danger" && "border border-red-200 bg-white text-red-700 hover:bg-red-50 focus-visible:ring-red-400",
        className,
      )}
      {...props}
    />
  );
}

const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500";

export function Input(props: InputHTMLAttributes<HTMLInputElement>) {
  return <input {...props} className={cx(inputClass, props.className)} />;
}

export function Select(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select {...props} className={cx(inputClass, props.className)} />;
}

export function Card({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cx("rounded-lg border border-slate-200 bg-white shadow-sm", className)}>{children}</div>;
}

/** A titled card on a detail page: the title, an optional hint under it, optional actions on the right. */
export function Section({ title, hint, actions, className, children }: { title: string; hint?: ReactNode; actions?: ReactNode; className?: string; children: ReactNode }) {
  return (
    <Card className={className ?? "p-4 sm:p-6"}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-base font-semibold text-slate-900">{title}</h2>
          {hint ? <p className="mt-1 text-sm text-slate-500">{hint}</p> : null}
        </div>
        {actions}
      </div>
      <div className="mt-4">{children}</div>
    </Card>
  );
}

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div className="min-w-0">
        <Breadcrumbs title={title} />
        <h1 className="break-words text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description ? <p className="mt-1 max-w-3xl text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions}
    </div>
  );
}

export function Badge({ children, tone = "slate" }: { children: ReactNode; tone?: "slate" | "green" | "amber" | "red" | "indigo" }) {
  const tones = {
    slate: "bg-slate-100 text-slate-700",
    green: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
    amber: "bg-amber-50 text-amber-800 ring-amber-600/20",
    red: "bg-red-50 text-red-700 ring-red-600/20",
    indigo: "bg-indigo-50 text-indigo-700 ring-indigo-600/20",
  };
  return <span className={cx("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ring-slate-500/10", tones[tone])}>{children}</span>;
}

/** A block of code; given as a string, it has a Copy button. */
export function Code({ children }: { children: ReactNode }) {
  const copyable = typeof children === "string";
  return (
    <div className="max-w-full overflow-hidden rounded-md bg-slate-900">
      {copyable ? (
        <div className="flex justify-end border-b border-slate-700/60 px-2 py-1">
          <CopyButton text={children} tone="dark" />
        </div>
      ) : null}
      <pre className="overflow-x-auto px-4 py-3 font-mono text-xs leading-relaxed text-slate-100">{children}</pre>
    </div>
  );
}

/** A wide block (a table, a code line) that scrolls sideways inside its card instead of widening the page. */
export function ScrollX({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cx("max-w-full overflow-x-auto", className)}>{children}</div>;
}
