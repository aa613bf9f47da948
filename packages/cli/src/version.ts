import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** This package's version, read from package.json (one directory up from both src/ and dist/). */
export function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
