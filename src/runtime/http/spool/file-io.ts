import { writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/**
 * The file operations of the spool's write path, as one seam: the fault tests put failing ones
 * (EMFILE on open, ENOSPC on write) where a real condition cannot be made without privileges.
 */
export interface FileIo {
  /** Opens a file (`fs.promises.open`). */
  open(file: string, flags: string): Promise<FileHandle>;
  /** Writes part of a buffer; returns the bytes written (`FileHandle#write`). */
  write(handle: FileHandle, buffer: Buffer, offset: number, length: number): Promise<number>;
  /** Writes part of a buffer at once; returns the bytes written (`fs.writeSync`). */
  writeSync(fd: number, buffer: Buffer, offset: number, length: number): number;
}

export const defaultFileIo: FileIo = {
  open: (file, flags) => open(file, flags),
  write: async (handle, buffer, offset, length) => (await handle.write(buffer, offset, length)).bytesWritten,
  writeSync: (fd, buffer, offset, length) => writeSync(fd, buffer, offset, length),
};

export async function writeAll(handle: FileHandle, buffer: Buffer, io: FileIo = defaultFileIo): Promise<void> {
  let offset = 0;
  while (offset < buffer.length) offset += await io.write(handle, buffer, offset, buffer.length - offset);
}

export function writeAllSync(fd: number, buffer: Buffer, io: FileIo = defaultFileIo): void {
  let offset = 0;
  while (offset < buffer.length) offset += io.writeSync(fd, buffer, offset, buffer.length - offset);
}

/** Makes a new file's directory entry durable (fsync policy `always`). */
export async function syncDir(dir: string, io: FileIo = defaultFileIo): Promise<void> {
  const handle = await io.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
