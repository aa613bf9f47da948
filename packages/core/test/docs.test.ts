import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_VERSION } from '@mimic/core';

const root = join(__dirname, '..', '..', '..');

describe('docs and package metadata stay true', () => {
  it('docs/plugins.md shows the example plugin that the tests compile and drive', () => {
    const doc = readFileSync(join(root, 'docs', 'plugins.md'), 'utf8');
    const example = readFileSync(join(__dirname, 'fixtures', 'queues-plugin.ts'), 'utf8');
    expect(doc).toContain(example.trim());
  });

  it('CORE_VERSION matches the package version plugins declare against', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
    expect(CORE_VERSION).toBe(pkg.version);
  });
});
