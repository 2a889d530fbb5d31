import type { SampleSet } from '../core/infer/sample-set.js';
import { LineScanner } from '../runtime/line-scanner.js';
import { visitLines } from '../runtime/ndjson-lines.js';
import type { NdjsonInput } from '../runtime/ndjson-input.js';

export interface EventsRead {
  lines: number;
  /** Lines that are not JSON, too long or not UTF-8: line numbers of the first few, and the count. */
  malformed: number;
  malformedLines: number[];
}

export interface ReadEventsOptions {
  maxEventBytes: number;
  onProgress?: (progress: { bytes: number; lines: number }) => void;
}

/**
 * Streams NDJSON events into a sample set with the runtime's line splitter: memory stays bounded
 * by the longest line and the sample set, whatever the input's size.
 */
export async function readEventSamples(input: NdjsonInput, set: SampleSet, options: ReadEventsOptions): Promise<EventsRead> {
  const read: EventsRead = { lines: 0, malformed: 0, malformedLines: [] };
  const fault = (line: number) => {
    read.malformed++;
    if (read.malformedLines.length < 10) read.malformedLines.push(line);
  };
  const visitor = {
    line(line: number, text: string) {
      let message: unknown;
      try {
        message = JSON.parse(text);
      } catch {
        fault(line);
        return;
      }
      set.addMessage(message);
    },
    fault,
  };
  const scanner = new LineScanner(options.maxEventBytes);
  let next = 1;
  let bytes = 0;
  const visit = (entries: ReturnType<LineScanner['push']>) => {
    for (const entry of entries) {
      if (entry.kind === 'oversize') fault(next++);
      else next += visitLines(entry, next, options.maxEventBytes, visitor);
    }
  };
  for await (const chunk of input.chunks) {
    bytes += chunk.length;
    visit(scanner.push(chunk));
    options.onProgress?.({ bytes, lines: next - 1 });
  }
  visit(scanner.end());
  read.lines = next - 1;
  return read;
}
