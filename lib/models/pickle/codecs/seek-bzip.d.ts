declare module "seek-bzip" {
  interface ByteSource {
    readByte(): number;
    read(buf: Uint8Array, offset: number, n: number): number;
    seek(pos: number): void;
    eof(): boolean;
  }
  const Bunzip: {
    decode(input: ByteSource | Uint8Array, output: { writeByte(b: number): void } | number, multistream?: boolean): Buffer | undefined;
  };
  export default Bunzip;
}
