import { Fragment } from "react";

/** Text that wraps after "_", "-", "/" or "." (long field names, URL paths) rather than mid-word; a segment longer than the line still breaks. */
export function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=[_\-/.])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}
