import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/**
 * The simulator's persistence: one JSON document per file, rewritten atomically (written to a
 * temporary file, then renamed) so a crash never leaves half a file. Single process only, which is
 * what a local simulator is.
 */
export function readJsonFile<T>(file: string, seed: () => T): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    const data = seed();
    writeJsonFile(file, data);
    return data;
  }
}

export function writeJsonFile(file: string, data: unknown): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(data, null, 2));
  renameSync(tmp, file);
}
