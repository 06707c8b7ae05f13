import { BoundedOutput } from "./output-buffer";

/**
 * A job's log: the platform's own lines around the script's bounded output. Saved to the job row
 * at most once a second while the job runs, so the page can show it live without a write per line.
 */
export class JobLog {
  private readonly before: string[] = [];
  private readonly after: string[] = [];
  private readonly output: BoundedOutput;
  private phase: "before" | "output" | "after" = "before";
  private timer: NodeJS.Timeout | null = null;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly save: (text: string) => Promise<void>,
    outputLimit: number,
  ) {
    this.output = new BoundedOutput(outputLimit);
  }

  line(text: string): void {
    const stamp = new Date().toISOString().slice(11, 19);
    (this.phase === "before" ? this.before : this.after).push(`[crucible ${stamp}] ${text}`);
    this.schedule();
  }

  /** The script's stdout and stderr, as they arrive. */
  scriptOutput(text: string): void {
    if (this.phase === "before") this.phase = "output";
    this.output.append(text);
    this.schedule();
  }

  endOutput(): void {
    this.phase = "after";
  }

  text(): string {
    const output = this.output.toString();
    return [...this.before, ...(output ? [output.replace(/\n$/, "")] : []), ...this.after].join("\n") + "\n";
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const text = this.text();
      this.saving = this.saving.then(() => this.save(text)).catch(() => {});
    }, 1000);
    this.timer.unref();
  }

  /** Stops live saving and returns the final text (the caller stores it with the outcome). */
  async close(): Promise<string> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.saving;
    return this.text();
  }
}
