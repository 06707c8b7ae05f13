import type { Label, Prediction } from "../sklearn";

/**
 * A prediction as Python's `str()` of a numpy array prints it — what the MLConnector's generated
 * inference containers answer as `inference` (`str(model.predict(df))`), so programs that parse it
 * keep working against Crucible. Exact for one row (what a container predicts); several values are
 * joined by one space (numpy would pad them to a common width). Rows of several outputs (multi-output
 * estimators, lone transformers) print as a 2-D array, `[[a b]\n [c d]]`.
 */
export function numpyArrayText(values: readonly Prediction[], kind: "classifier" | "regressor" | "clusterer" | "transformer" | string): string {
  if (values.some((v) => Array.isArray(v))) {
    const rows = values.map((v) => (Array.isArray(v) ? v : [v]));
    const floats = kind !== "classifier" || rows.some((r) => r.some((v) => typeof v === "number" && !Number.isInteger(v)));
    return `[${rows.map((r) => flatText(r, floats)).join("\n ")}]`;
  }
  return flatText(values as readonly Label[], kind === "regressor" || kind === "transformer" || values.some((v) => typeof v === "number" && !Number.isInteger(v)));
}

function flatText(values: readonly Label[], floats: boolean): string {
  const items = values.map((v) => (typeof v === "string" ? pythonString(v) : floats ? numpyFloat(v) : String(v)));
  return `[${items.join(" ")}]`;
}

/** repr() of a str: single quotes unless the text holds one and no double quote. */
function pythonString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
  return `${quote}${quote === "'" ? escaped.replace(/'/g, "\\'") : escaped}${quote}`;
}

/** numpy's default float format: at most 8 decimals, shortest that round-trips, trailing "." kept; scientific from 1e8 and below 1e-4. */
export function numpyFloat(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  const magnitude = Math.abs(x);
  if (magnitude !== 0 && (magnitude >= 1e8 || magnitude < 1e-4)) {
    const [mantissa, exponent] = shortest(x.toExponential(), x.toExponential(8)).split("e");
    const sign = exponent!.startsWith("-") ? "-" : "+";
    return `${withPoint(mantissa!)}e${sign}${exponent!.replace(/^[+-]/, "").padStart(2, "0")}`;
  }
  return withPoint(shortest(positional(x), x.toFixed(8)));
}

/** The round-trip digits when they fit in 8 decimals, else the value rounded to 8. */
function shortest(roundTrip: string, rounded: string): string {
  const decimals = (text: string) => text.split("e")[0]!.split(".")[1]?.length ?? 0;
  const chosen = decimals(roundTrip) <= 8 ? roundTrip : rounded;
  const [digits, exponent] = chosen.split("e");
  const trimmed = digits!.includes(".") ? digits!.replace(/0+$/, "") : digits!;
  return exponent === undefined ? trimmed : `${trimmed}e${exponent}`;
}

/** The round-trip digits of x without exponent notation (JS writes 1e-7 for small values). */
function positional(x: number): string {
  const text = String(x);
  return /e/.test(text) ? x.toFixed(20) : text;
}

const withPoint = (digits: string) => (digits.includes(".") ? digits : `${digits}.`);
