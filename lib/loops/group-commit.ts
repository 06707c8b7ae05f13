/**
 * Group commit: callers for one key (a loop) coalesce into groups that are applied and committed
 * together, one group at a time per key. The first caller starts a group at once (no added wait when
 * the loop is idle); callers arriving while a group runs gather for the next one. A group takes the
 * waiting callers in arrival order while its rows and bytes fit (always at least one caller, whose
 * rows are never split). The queue is bounded: a caller that would pass the bound is refused at once.
 */

export interface GroupLimits {
  /** Rows and bytes one group may hold (a single larger caller still forms a group of its own). */
  groupRows: number;
  groupBytes: number;
  /** Rows and bytes that may wait per key, the running group excluded. */
  queuedRows: number;
  queuedBytes: number;
}

/** One member's outcome in its group: each caller is answered on its own. */
export type MemberOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface Sized {
  rows: number;
  bytes: number;
}

/** Refused: the key's queue is full. */
export class QueueFullError extends Error {
  constructor() {
    super("too many training examples are waiting for this loop");
  }
}

interface Waiting<M, R> {
  member: M;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

interface Queue<M, R> {
  waiting: Waiting<M, R>[];
  rows: number;
  bytes: number;
  running: boolean;
}

/** Applies one group; answers one outcome per member, in order. A throw fails every member. */
export type ApplyGroup<M, R> = (key: string, members: M[]) => Promise<MemberOutcome<R>[]>;

export class GroupCommitter<M extends Sized, R> {
  private readonly queues = new Map<string, Queue<M, R>>();

  constructor(
    private readonly apply: ApplyGroup<M, R>,
    private readonly limits: GroupLimits,
  ) {}

  submit(key: string, member: M): Promise<R> {
    let queue = this.queues.get(key);
    if (!queue) {
      queue = { waiting: [], rows: 0, bytes: 0, running: false };
      this.queues.set(key, queue);
    }
    const { limits } = this;
    if (queue.waiting.length && (queue.rows + member.rows > limits.queuedRows || queue.bytes + member.bytes > limits.queuedBytes)) {
      return Promise.reject(new QueueFullError());
    }
    const answer = new Promise<R>((resolve, reject) => queue.waiting.push({ member, resolve, reject }));
    queue.rows += member.rows;
    queue.bytes += member.bytes;
    if (!queue.running) {
      queue.running = true;
      // Started after the current task: callers submitted together (in one tick) share the first group.
      queueMicrotask(() => void this.drain(key, queue));
    }
    return answer;
  }

  /** Rows waiting for `key` (the running group excluded). */
  queued(key: string): number {
    return this.queues.get(key)?.rows ?? 0;
  }

  private async drain(key: string, queue: Queue<M, R>): Promise<void> {
    while (queue.waiting.length) {
      const group = this.take(queue);
      let outcomes: MemberOutcome<R>[];
      try {
        outcomes = await this.apply(key, group.map((w) => w.member));
      } catch (error) {
        outcomes = group.map(() => ({ ok: false, error }));
      }
      group.forEach((w, i) => {
        const outcome = outcomes[i]!;
        if (outcome.ok) w.resolve(outcome.value);
        else w.reject(outcome.error);
      });
    }
    queue.running = false;
    if (this.queues.get(key) === queue) this.queues.delete(key);
  }

  private take(queue: Queue<M, R>): Waiting<M, R>[] {
    let rows = 0;
    let bytes = 0;
    let n = 0;
    for (const w of queue.waiting) {
      if (n > 0 && (rows + w.member.rows > this.limits.groupRows || bytes + w.member.bytes > this.limits.groupBytes)) break;
      rows += w.member.rows;
      bytes += w.member.bytes;
      n++;
    }
    queue.rows -= rows;
    queue.bytes -= bytes;
    return queue.waiting.splice(0, n);
  }
}
