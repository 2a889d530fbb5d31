/** One step of a property path: a named property, or the items of an array (`[]`). */
export type PathStep = { kind: 'name'; name: string } | { kind: 'items' };

export type ParsedPath = { steps: PathStep[] } | { error: string };

/**
 * Parses a Properties/Types tab path: `products[].price` is the `price` property of the items of
 * the `products` array. A name that holds `.`, `[`, `]` or `"` is written in double quotes.
 */
export function parsePath(text: string): ParsedPath {
  const steps: PathStep[] = [];
  let i = 0;
  const expectName = () => {
    const start = i;
    if (text[i] === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (end >= text.length) return `the quoted name at position ${start + 1} is not closed`;
      try {
        steps.push({ kind: 'name', name: JSON.parse(text.slice(start, end + 1)) as string });
      } catch (error) {
        return `bad quoted name ${text.slice(start, end + 1)}: ${(error as Error).message}`;
      }
      i = end + 1;
      return undefined;
    }
    while (i < text.length && !'.[]"'.includes(text[i]!)) i++;
    const name = text.slice(start, i).trim();
    if (name === '') return start === 0 ? 'it starts without a name' : `a name is missing at position ${start + 1}`;
    steps.push({ kind: 'name', name });
    return undefined;
  };
  let error = expectName();
  while (!error && i < text.length) {
    if (text.startsWith('[]', i)) {
      steps.push({ kind: 'items' });
      i += 2;
    } else if (text[i] === '.') {
      i++;
      error = expectName();
    } else if (text[i] === '[') {
      error = `"[" at position ${i + 1} must be followed by "]" (array items have no index)`;
    } else {
      error = `unexpected "${text[i]}" at position ${i + 1}`;
    }
  }
  return error ? { error } : { steps };
}

/** The path text that parses back to these steps. */
export function formatPath(steps: readonly PathStep[]): string {
  let out = '';
  for (const step of steps) {
    if (step.kind === 'items') out += '[]';
    else out += `${out === '' ? '' : '.'}${formatName(step.name)}`;
  }
  return out;
}

function formatName(name: string): string {
  return name !== '' && name === name.trim() && !/[.[\]"]/.test(name) ? name : JSON.stringify(name);
}

/** A canonical text for comparing paths (`a . b` and `a.b` are the same row). */
export function pathKey(text: string): string {
  const parsed = parsePath(text);
  return 'steps' in parsed ? formatPath(parsed.steps) : text.trim();
}
