// The tests use Debian's chromium (never a downloaded browser), Debian's python3-sklearn (model
// retraining jobs run the uploaded script with it), bubblewrap (the sandbox those scripts run in;
// training refuses without it) and nginx (the load balancer of the replica test); install whichever
// is missing.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const missing = [];
if (!existsSync(chromium)) missing.push("chromium");
const hasSklearn = (() => {
  try {
    execSync("/usr/bin/python3 -c 'import sklearn, joblib'", { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
if (!hasSklearn) missing.push("python3-sklearn", "python3-joblib");
if (!existsSync("/usr/bin/bwrap")) missing.push("bubblewrap");
// The replica test (lib/http/replicas.test.ts) puts nginx in front of three servers.
if (!existsSync("/usr/sbin/nginx")) missing.push("nginx");

if (missing.length) {
  if (process.getuid?.() !== 0) {
    console.error(`Missing for the tests: ${missing.join(", ")}. Install with \`sudo apt-get install -y ${missing.join(" ")}\`.`);
    process.exit(1);
  }
  console.log(`Installing Debian's ${missing.join(", ")} for the tests…`);
  execSync(
    `apt-get -o DPkg::Lock::Timeout=300 update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq ${missing.join(" ")}`,
    { stdio: "inherit" },
  );
}
