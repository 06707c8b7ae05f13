"use client";

import { ApiReferenceReact } from "@scalar/api-reference-react";
import "@scalar/api-reference-react/style.css";

// The app's own palette variables, which turn around in dark mode (app/globals.css), so the
// reference follows the app in light and dark alike.
const APP_LOOK = `
.light-mode, .dark-mode {
  --scalar-font: var(--font-sans);
  --scalar-font-code: var(--font-mono);
  --scalar-color-accent: var(--color-indigo-600);
  --scalar-background-1: var(--color-white);
  --scalar-background-2: var(--color-slate-50);
  --scalar-background-3: var(--color-slate-100);
  --scalar-border-color: var(--color-slate-200);
  --scalar-color-1: var(--color-slate-900);
  --scalar-color-2: var(--color-slate-600);
  --scalar-color-3: var(--color-slate-500);
  --scalar-radius: 6px;
}
`;

/**
 * Scalar's API reference of one description. Everything it needs is bundled: no fonts from its CDN,
 * no telemetry, no chat agent, no request client (which would send keys through its proxy); the page's
 * Content-Security-Policy would refuse other origins anyway.
 */
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
        forceDarkModeState: window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light",
        showDeveloperTools: "never",
        documentDownloadType: "json",
        theme: "none",
        customCss: APP_LOOK,
      }}
    />
  );
}
