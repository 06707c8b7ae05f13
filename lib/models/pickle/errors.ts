/** Typed errors of the pickle reader. Every failure of the reader is one of these. */
export type PickleErrorCode =
  | "refused_global" // a GLOBAL / STACK_GLOBAL / INST name outside the whitelist, or a whitelisted name misused
  | "refused_opcode" // PERSID, BINPERSID, EXT1/2/4, NEXT_BUFFER, READONLY_BUFFER, unknown opcodes
  | "not_pickle" // the file is not a pickle or joblib file at all (its first bytes say what it looks like)
  | "truncated" // input ended early
  | "too_large" // a size/count/depth limit was exceeded
  | "malformed" // structurally invalid pickle / numpy / joblib data
  | "unsupported" // valid but not supported (bz2/xz/lz4 compression, exotic dtypes)
  | "internal_error"; // a bug in the reader (never expected; the fuzz test asserts it never happens)

export class PickleError extends Error {
  readonly code: PickleErrorCode;
  constructor(code: PickleErrorCode, message: string) {
    super(message);
    this.name = "PickleError";
    this.code = code;
  }
}

export const refusedGlobal = (name: string, why?: string) =>
  new PickleError("refused_global", why ? `refused: ${name} (${why})` : `refused: ${name}`);
export const malformed = (message: string) => new PickleError("malformed", message);
export const tooLarge = (message: string) => new PickleError("too_large", message);
