/** bzip2 (joblib's compress="bz2") through seek-bzip, a pure-JS decoder, with the output bounded by `cap`. */
import Bunzip from "seek-bzip";
import { PickleError, malformed } from "../errors";
import { Output } from "./lzma";

export function bunzip2(input: Uint8Array, cap: number): Uint8Array {
  const out = new Output(cap, input.length * 4);
  const source = {
    pos: 0,
    readByte(): number {
      if (this.pos >= input.length) throw new PickleError("truncated", "compressed data ended early");
      return input[this.pos++]!;
    },
    read(buf: Uint8Array, offset: number, n: number): number {
      const m = Math.min(n, input.length - this.pos);
      buf.set(input.subarray(this.pos, this.pos + m), offset);
      this.pos += m;
      return m;
    },
    seek(pos: number) {
      this.pos = pos;
    },
    eof() {
      return this.pos >= input.length;
    },
  };
  try {
    Bunzip.decode(source, { writeByte: (b: number) => out.put(b) }, true);
  } catch (e) {
    if (e instanceof PickleError) throw e;
    throw malformed(`bad bz2 data: ${(e as Error).message ?? String(e)}`);
  }
  return out.result();
}
