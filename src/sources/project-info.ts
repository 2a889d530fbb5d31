import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../core/errors.js';
import { detectSdks, type SdkName } from '../core/init/detect.js';
import type { SourceChoice } from '../core/init/templates.js';

/** The project's package.json (its text and parsed form), or undefined when there is none. */
export async function readPackageJson(cwd: string): Promise<{ text: string; json: Record<string, unknown> } | undefined> {
  const file = path.join(cwd, 'package.json');
  const text = await readFile(file, 'utf8').catch(missingAsUndefined);
  if (text === undefined) return undefined;
  try {
    return { text, json: JSON.parse(text) as Record<string, unknown> };
  } catch (error) {
    throw new ConfigError(`package.json is not valid JSON: ${(error as Error).message}`);
  }
}

/** The plan sources of a project: one per SDK it depends on (`web` for browser SDKs, `server` for Node ones). */
export function projectSources(packageJson: Record<string, unknown> | undefined, sdks: readonly SdkName[] = detectSdks(packageJson)): SourceChoice[] {
  const used = new Set<string>();
  return sdks.map((sdk) => {
    const base = sdk.endsWith('-node') ? 'server' : 'web';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    const vendor = sdk.startsWith('segment') ? 'Segment' : 'RudderStack';
    return { id, name: `${base === 'server' ? 'Server' : 'Web'} (${vendor})`, sdk };
  });
}

/** For `.catch` of a read: a file that is not there is `undefined`; any other failure stays an error. */
export function missingAsUndefined(error: NodeJS.ErrnoException): undefined {
  if (error.code === 'ENOENT') return undefined;
  throw error;
}
