import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Replaces a folder all at once: `fill` writes the new content into a sibling temp folder (told
 * whether the old folder exists, to carry files over from it), then two renames swap the folders.
 * A failure anywhere leaves the old folder as it was; nothing is ever half-written.
 */
export async function replaceFolder(dir: string, fill: (temp: string, exists: boolean) => Promise<void>): Promise<void> {
  const target = path.resolve(dir);
  const parent = path.dirname(target);
  const suffix = `${process.pid}-${Date.now().toString(36)}`;
  const temp = path.join(parent, `.${path.basename(target)}.tmp-${suffix}`);
  const old = path.join(parent, `.${path.basename(target)}.old-${suffix}`);
  const exists = await stat(target).then((s) => s.isDirectory(), () => false);
  try {
    await mkdir(temp, { recursive: true });
    await fill(temp, exists);
    if (exists) await rename(target, old);
    try {
      await rename(temp, target);
    } catch (error) {
      if (exists) await rename(old, target);
      throw error;
    }
    if (exists) await rm(old, { recursive: true, force: true });
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
