/**
 * A validator's message in the dashboard's words. The API keeps zod's wording (clients match on
 * it); forms show "Add at least one." rather than "Too small: expected array to have >=1 items".
 */
const RULES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^Too small: expected array to have >=?(\d+) items?$/, (m) => (m[1] === "1" ? "Add at least one." : `Add at least ${m[1]}.`)],
  [/^Too big: expected array to have <=?(\d+) items?$/, (m) => `Keep it to at most ${m[1]}.`],
  [/^Too small: expected string to have >=?(\d+) characters?$/, (m) => (m[1] === "1" ? "Must not be empty." : `Use at least ${m[1]} characters.`)],
  [/^Too big: expected string to have <=?(\d+) characters?$/, (m) => `Use at most ${m[1]} characters.`],
  [/^Too small: expected number to be >=(-?[\d.e+]+)$/, (m) => `Must be at least ${m[1]}.`],
  [/^Too small: expected number to be >(-?[\d.e+]+)$/, (m) => `Must be more than ${m[1]}.`],
  [/^Too big: expected number to be <=(-?[\d.e+]+)$/, (m) => `Must be at most ${m[1]}.`],
  [/^Too big: expected number to be <(-?[\d.e+]+)$/, (m) => `Must be less than ${m[1]}.`],
  [/^Invalid input: expected (\w+), received undefined$/, () => "Required."],
  [/^Invalid input: expected (\w+), received (\w+)$/, (m) => `Expected ${article(m[1]!)}, got ${article(m[2]!)}.`],
  [/^Invalid input: expected int, received number$/, () => "Expected a whole number."],
];

function article(type: string): string {
  if (type === "int") return "a whole number";
  if (type === "array" || type === "object") return `an ${type}`;
  if (type === "null" || type === "undefined") return "nothing";
  return `a ${type}`;
}

export function plainMessage(message: string): string {
  for (const [pattern, say] of RULES) {
    const match = message.match(pattern);
    if (match) return say(match);
  }
  return message;
}

/** "where: what" as the forms list it: the message in plain words, no dangling dot where a name was empty. */
export function plainProblem(line: string): string {
  const at = line.indexOf(": ");
  if (at < 0) return plainMessage(line);
  const where = line.slice(0, at).replace(/\.+$/, "").replace(/\.{2,}/g, ".");
  const what = plainMessage(line.slice(at + 2));
  return where ? `${where}: ${what}` : what;
}
