import Link from "next/link";

/** The app's name as a link home. */
export function Brand({ href }: { href: string }) {
  return (
    <Link href={href} className="px-3 text-lg font-bold tracking-tight">
      <span className="text-indigo-600">◆</span> Crucible
    </Link>
  );
}
