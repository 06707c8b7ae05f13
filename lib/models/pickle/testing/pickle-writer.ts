/** A tiny pickle writer for tests: builds hostile and edge-case streams opcode by opcode. */
export class PickleWriter {
  private readonly out: number[] = [];
  raw(...bytes: number[]): this {
    for (const b of bytes) this.out.push(b & 0xff);
    return this;
  }
  text(s: string): this {
    for (const b of Buffer.from(s, "utf8")) this.out.push(b);
    return this;
  }
  u32(n: number): this {
    return this.raw(n, n >>> 8, n >>> 16, n >>> 24);
  }
  u64(n: bigint): this {
    for (let i = 0n; i < 8n; i++) this.out.push(Number((n >> (8n * i)) & 0xffn));
    return this;
  }
  proto(p: number): this {
    return this.raw(0x80, p);
  }
  global(module: string, name: string): this {
    return this.raw(0x63).text(`${module}\n${name}\n`);
  }
  str(s: string): this {
    const b = Buffer.from(s, "utf8");
    return this.raw(0x58).u32(b.length).raw(...b);
  }
  stackGlobal(module: string, name: string): this {
    return this.str(module).str(name).raw(0x93);
  }
  int(n: number): this {
    return this.raw(0x4a).u32(n >>> 0);
  }
  bytes(b: Uint8Array | number[]): this {
    return this.raw(0x42).u32(b.length).raw(...b);
  }
  mark(): this { return this.raw(0x28); }
  emptyTuple(): this { return this.raw(0x29); }
  tuple1(): this { return this.raw(0x85); }
  tuple2(): this { return this.raw(0x86); }
  tuple3(): this { return this.raw(0x87); }
  tuple(): this { return this.raw(0x74); }
  emptyDict(): this { return this.raw(0x7d); }
  emptyList(): this { return this.raw(0x5d); }
  setitem(): this { return this.raw(0x73); }
  setitems(): this { return this.raw(0x75); }
  append(): this { return this.raw(0x61); }
  reduce(): this { return this.raw(0x52); }
  newobj(): this { return this.raw(0x81); }
  build(): this { return this.raw(0x62); }
  none(): this { return this.raw(0x4e); }
  memoize(): this { return this.raw(0x94); }
  stop(): this { return this.raw(0x2e); }
  bytesOut(): Uint8Array {
    return Uint8Array.from(this.out);
  }
}

export const pw = () => new PickleWriter();
