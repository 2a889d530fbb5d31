import type { Redis, RedisOptions } from 'ioredis';

/** Where `produceLines` adds entries. */
export interface ProduceOptions {
  /** ioredis connection options (see `parseRedisUrl`). */
  redis: RedisOptions;
  /** The stream to add to. */
  stream: string;
  /** The entry field for each line (default `data`). */
  field?: string;
  /** XADDs sent per round trip (default 1000). */
  pipeline?: number;
}

/**
 * Loads NDJSON lines into a stream, one entry per non-blank line, as given (a line that is not
 * JSON is loaded as it is: that is what dead-letter streams are for). Returns the entries added.
 */
export async function produceLines(lines: AsyncIterable<string> | Iterable<string>, options: ProduceOptions): Promise<number> {
  const { Redis: Client } = await import('ioredis');
  const redis = new Client({ ...options.redis, lazyConnect: true, maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  await redis.connect();
  const field = options.field ?? 'data';
  const size = options.pipeline ?? 1000;
  let count = 0;
  try {
    let pipeline = redis.pipeline();
    let queued = 0;
    for await (const line of lines) {
      if (line.trim() === '') continue;
      pipeline.xadd(options.stream, '*', field, line);
      queued++;
      if (queued === size) {
        await execPipeline(pipeline);
        count += queued;
        pipeline = redis.pipeline();
        queued = 0;
      }
    }
    if (queued > 0) await execPipeline(pipeline);
    return count + queued;
  } finally {
    redis.disconnect();
  }
}

async function execPipeline(pipeline: ReturnType<Redis['pipeline']>): Promise<void> {
  const replies = await pipeline.exec();
  const failed = replies?.find(([error]) => error);
  if (failed) throw failed[0]!;
}
