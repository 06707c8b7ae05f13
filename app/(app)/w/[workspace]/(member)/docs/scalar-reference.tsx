"use client";

import { ApiReferenceReact } from "@scalar/api-reference-react";
import "@scalar/api-reference-react/style.css";

/**
 * Scalar's API reference of one description. Everything it needs is bundled: no fonts from its CDN,
 * no telemetry, no chat agent, no request client (which would send keys through its proxy); the page's
 * Content-Security-Policy would refuse other origins anyway.
 */
const APP_LOOK = `
.scalar-app, .light-mode {
  --scalar-font: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --scalar-font-code: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  --scalar-color-accent: #4f46e5;
  --scalar-background-1: #ffffff;
  --scalar-background-2: #f8fafc;
  --scalar-background-3: #f1f5f9;
  --scalar-border-color: #e2e8f0;
  --scalar-color-1: #0f172a;
  --scalar-color-2: #475569;
  --scalar-color-3: #64748b;
  --scalar-radius: 6px;
}
`;

export default function ScalarReference({ url }: { url: string }) {
  return (
    <ApiReferenceReact
      configuration={{
        url: new URL(url, window.location.origin).toString(),
        withDefaultFonts: false,
        telemetry: false,
        agent: { disabled: true },
        hideClientButton: true,
        hideTestRequestButton: true,
        hideDarkModeToggle: true,
        forceDarkModeState: "light",
        showDeveloperTools: "never",
        documentDownloadType: "json",
        theme: "none",
        customCss: APP_LOOK,
      }}
    />
  );
}
