// Compiles the custom server, the admin CLI and the benchmarks to dist/ (Node 20 cannot run .ts).
import { build } from "esbuild";

await build({
  entryPoints: { server: "server.ts", admin: "scripts/admin.ts", "bench/http-floor": "bench/http-floor.ts" },
  outdir: "dist",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
