/**
 * Keeps the first and last `limit / 2` bytes of a stream and counts what was dropped between them,
 * so a chatty script cannot fill memory or the job log, and both its start and its final error stay.
 */
export class BoundedOutput {
  private head = "";
  private tail = "";
  private dropped = 0;
  private readonly half: number;

  constructor(limit: number) {
    this.half = Math.max(1, Math.floor(limit / 2));
  }

  append(text: string): void {
    if (this.head.length < this.half) {
      const room = this.half - this.head.length;
      this.head += text.slice(0, room);
      text = text.slice(room);
    }
    if (!text) return;
    this.tail += text;
    if (this.tail.length > this.half) {
      this.dropped += this.tail.length - this.half;
      this.tail = this.tail.slice(-this.half);
    }
  }

  toString(): string {
    return this.dropped ? `${this.head}\n… ${this.dropped} characters omitted …\n${this.tail}` : this.head + this.tail;
  }
}
