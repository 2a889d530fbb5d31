import type { Redis } from 'ioredis';
import type { EntryWrite } from './entries.js';

/**
 * One batch's writes as one Lua script: every XADD of its results, then the XACKs of its entries.
 * Redis runs a script as one unit, as it runs MULTI/EXEC (no other client's command in between;
 * AOF and replicas get its writes wrapped in MULTI/EXEC), so an entry is acknowledged exactly
 * when its results are written. It replaces a MULTI of one XADD per entry because ioredis spends
 * about 4 times the client CPU on one queued command (a Command, a promise, a QUEUED reply) than on
 * the 2 or 3 script arguments of an event; Redis spends about a third more on the script (see
 * docs/stream.md, Benchmarks), and one Redis serves many consumers, but here the client is what
 * limits. Unlike MULTI/EXEC, a failing XADD stops the script before the XACKs: the entries stay
 * pending instead of being acknowledged without their results.
 *
 * KEYS: every stream written or acknowledged. ARGV[1]: the group, ARGV[2]: the event field; then
 * operations, each a letter, a key number, a count n, and its values:
 * - `E key n src` and n times `data id messageId`: XADD key * <field> data id id stream <src> messageId messageId
 * - `F key n src` and n times `data id`: the same without a messageId
 * - `X key n` and n values: XADD key * <n values>
 * - `A key n` and n ids: XACK key group <n ids>
 */
const LUA = `local group, field = ARGV[1], ARGV[2]
local call = redis.call
local i, last = 3, #ARGV
while i <= last do
  local op, key, n = ARGV[i], KEYS[tonumber(ARGV[i + 1])], tonumber(ARGV[i + 2])
  if op == 'E' then
    local src = KEYS[tonumber(ARGV[i + 3])]
    i = i + 4
    for _ = 1, n do
      call('XADD', key, '*', field, ARGV[i], 'id', ARGV[i + 1], 'stream', src, 'messageId', ARGV[i + 2])
      i = i + 3
    end
  elseif op == 'F' then
    local src = KEYS[tonumber(ARGV[i + 3])]
    i = i + 4
    for _ = 1, n do
      call('XADD', key, '*', field, ARGV[i], 'id', ARGV[i + 1], 'stream', src)
      i = i + 2
    end
  elseif op == 'X' then
    call('XADD', key, '*', unpack(ARGV, i + 3, i + 2 + n))
    i = i + 3 + n
  else
    call('XACK', key, group, unpack(ARGV, i + 3, i + 2 + n))
    i = i + 3 + n
  end
end
return 1`;

/** At most this many ids per XACK: `unpack` is bounded by Lua's stack (8,000 values). */
const ACK_CHUNK = 1000;

const NAME = 'trackplanStreamWrite';

type WriteScriptClient = Redis & { [NAME]: (...args: (string | Buffer)[]) => Promise<unknown> };

/** Redis refused the script command itself (an ACL without @scripting, EVAL renamed away): nothing ran. */
export function isScriptRefused(error: unknown): boolean {
  const message = (error as Error)?.message ?? '';
  return /^(NOPERM .*|ERR unknown command )'(eval|evalsha)'/i.test(message);
}

/** Registers the script on a connection (ioredis sends EVALSHA, and EVAL after a NOSCRIPT). */
export function defineWriteScript(redis: Redis): void {
  redis.defineCommand(NAME, { lua: LUA });
}

/** Consecutive writes to one stream that one operation carries. */
interface Run {
  op: 'E' | 'F' | 'X';
  src: string;
  count: number;
  values: (string | Buffer)[];
}

/**
 * Collects a batch's writes, then sends them as one script call. Writes are grouped per target
 * stream, in the order given: each stream gets its entries in the same order as one XADD at a
 * time would give (the script is atomic, so the order between streams cannot be seen).
 */
export class WriteScript {
  private readonly keys: string[] = [];
  private readonly keyNumbers = new Map<string, string>();
  private readonly runs = new Map<string, Run[]>();
  private readonly acks: { stream: string; ids: readonly string[] }[] = [];

  constructor(private readonly group: string, private readonly field: string) {}

  /** The XADD of one result. */
  add(write: EntryWrite): void {
    const { ids } = write;
    let runs = this.runs.get(write.stream);
    if (!runs) this.runs.set(write.stream, (runs = []));
    if (!ids || write.fields[0] !== this.field) {
      runs.push({ op: 'X', src: '', count: write.fields.length, values: write.fields });
      return;
    }
    const op = ids.messageId === undefined ? 'F' : 'E';
    let run = runs.at(-1);
    if (run?.op !== op || run.src !== ids.stream) runs.push((run = { op, src: ids.stream, count: 0, values: [] }));
    run.count++;
    if (ids.messageId === undefined) run.values.push(ids.data, ids.id);
    else run.values.push(ids.data, ids.id, ids.messageId);
  }

  /** `XACK stream group ...ids` after every XADD. */
  ack(stream: string, ids: readonly string[]): void {
    this.acks.push({ stream, ids });
  }

  /** Sends the script (on `redis`, which `defineWriteScript` prepared). */
  run(redis: Redis): Promise<unknown> {
    const args: (string | Buffer)[] = [this.group, this.field];
    for (const [stream, runs] of this.runs) {
      const key = this.keyNumber(stream);
      for (const run of runs) {
        args.push(run.op, key, String(run.count));
        if (run.op !== 'X') args.push(this.keyNumber(run.src));
        for (const value of run.values) args.push(value);
      }
    }
    for (const { stream, ids } of this.acks) {
      for (let start = 0; start < ids.length; start += ACK_CHUNK) {
        const chunk = ids.slice(start, start + ACK_CHUNK);
        args.push('A', this.keyNumber(stream), String(chunk.length), ...chunk);
      }
    }
    return (redis as WriteScriptClient)[NAME](String(this.keys.length), ...this.keys, ...args);
  }

  /**
   * The same writes as one MULTI/EXEC, for a Redis that refuses scripts. Inside EXEC a failing XADD
   * does not stop the XACKs: that is why the consumer refuses output keys that are no streams.
   */
  async runMulti(redis: Redis): Promise<void> {
    const multi = redis.multi();
    for (const [stream, runs] of this.runs) {
      for (const run of runs) {
        if (run.op === 'X') {
          multi.xadd(stream, '*', ...run.values);
          continue;
        }
        const width = run.op === 'E' ? 3 : 2;
        for (let i = 0; i < run.values.length; i += width) {
          const fields = [this.field, run.values[i]!, 'id', run.values[i + 1]!, 'stream', run.src];
          if (run.op === 'E') fields.push('messageId', run.values[i + 2]!);
          multi.xadd(stream, '*', ...fields);
        }
      }
    }
    for (const { stream, ids } of this.acks) multi.xack(stream, this.group, ...ids);
    const replies = await multi.exec();
    if (replies === null) throw new Error('EXEC aborted');
    const failed = replies.find(([error]) => error);
    // Inside EXEC a command can fail alone (a key of the wrong type): say so rather than go on.
    if (failed) throw failed[0]!;
  }

  private keyNumber(stream: string): string {
    let n = this.keyNumbers.get(stream);
    if (n === undefined) {
      n = String(this.keys.push(stream));
      this.keyNumbers.set(stream, n);
    }
    return n;
  }
}
