"use client";

import { useEffect, useRef, useState } from "react";

/** The rendered width of an element, kept current as it resizes (0 before the first layout). */
export function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(([entry]) => setWidth(entry ? entry.contentRect.width : element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/** The width for a chart's category axis: enough for the longest label, at most a share of the chart. */
export function labelAxisWidth(labels: string[], chartWidth: number, { charWidth = 6.6, min = 48, share = 0.42 } = {}): number {
  const longest = labels.reduce((n, l) => Math.max(n, l.length), 0);
  const wanted = Math.ceil(longest * charWidth) + 12;
  const most = chartWidth > 0 ? Math.max(min, Math.floor(chartWidth * share)) : 160;
  return Math.max(min, Math.min(wanted, most));
}
