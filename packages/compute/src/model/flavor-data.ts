/** One canned flavor (compute.md §10). */
export interface FlavorSpec {
  readonly id: string;
  readonly name: string;
  readonly ram: number;
  readonly vcpus: number;
  readonly rxtx: number;
  readonly disk: number;
  readonly flavorClass: string;
  readonly policy: string;
  readonly onMetal?: boolean;
}

type Row = [id: string, name: string, ram: number, vcpus: number, rxtx: number, disk: number];

function family(flavorClass: string, policy: string, rows: Row[], onMetal = false): FlavorSpec[] {
  return rows.map(([id, name, ram, vcpus, rxtx, disk]) => ({ id, name, ram, vcpus, rxtx, disk, flavorClass, policy, onMetal }));
}

/** The canned flavors in list order; OnMetal ones are listed only in IAD. */
export const FLAVORS: readonly FlavorSpec[] = Object.freeze([
  ...family('standard1', 'standard_flavor', [
    ['2', '512MB Standard Instance', 512, 1, 80, 20],
    ['3', '1GB Standard Instance', 1024, 1, 120, 40],
    ['4', '2GB Standard Instance', 2048, 2, 240, 80],
    ['5', '4GB Standard Instance', 4096, 2, 400, 160],
    ['6', '8GB Standard Instance', 8192, 4, 600, 320],
    ['7', '15GB Standard Instance', 15360, 6, 800, 620],
    ['8', '30GB Standard Instance', 30720, 8, 1200, 1200],
  ]),
  ...family('compute1', 'compute_flavor', [
    ['compute1-4', '3.75 GB Compute v1', 3840, 2, 312.5, 0],
    ['compute1-8', '7.5 GB Compute v1', 7680, 4, 625, 0],
    ['compute1-15', '15 GB Compute v1', 15360, 8, 1250, 0],
    ['compute1-30', '30 GB Compute v1', 30720, 16, 2500, 0],
    ['compute1-60', '60 GB Compute v1', 61440, 32, 5000, 0],
  ]),
  ...family('performance1', 'performance_flavor', [
    ['performance1-1', '1 GB Performance', 1024, 1, 200, 20],
    ['performance1-2', '2 GB Performance', 2048, 2, 400, 40],
    ['performance1-4', '4 GB Performance', 4096, 4, 800, 40],
    ['performance1-8', '8 GB Performance', 8192, 8, 1600, 40],
  ]),
  ...family(
    'onmetal',
    'onmetal_flavor',
    [
      ['onmetal-compute1', 'OnMetal Compute v1', 32768, 20, 10000, 32],
      ['onmetal-io1', 'OnMetal IO v1', 131072, 40, 10000, 32],
      ['onmetal-memory1', 'OnMetal Memory v1', 524288, 24, 10000, 32],
    ],
    true,
  ),
  ...family('performance2', 'performance_flavor', [
    ['performance2-15', '15 GB Performance', 15360, 4, 1250, 40],
    ['performance2-30', '30 GB Performance', 30720, 8, 2500, 40],
    ['performance2-60', '60 GB Performance', 61440, 16, 5000, 40],
    ['performance2-90', '90 GB Performance', 92160, 24, 7500, 40],
    ['performance2-120', '120 GB Performance', 122880, 32, 10000, 40],
  ]),
  ...family('memory1', 'memory_flavor', [
    ['memory1-15', '15 GB Memory v1', 15360, 2, 625, 0],
    ['memory1-30', '30 GB Memory v1', 30720, 4, 1250, 0],
    ['memory1-60', '60 GB Memory v1', 61440, 8, 2500, 0],
    ['memory1-120', '120 GB Memory v1', 122880, 16, 5000, 0],
    ['memory1-240', '240 GB Memory v1', 245760, 32, 10000, 0],
  ]),
  ...family('io1', 'io_flavor', [
    ['io1-15', '15 GB I/O v1', 15360, 4, 1250, 40],
    ['io1-30', '30 GB I/O v1', 30720, 8, 2500, 40],
    ['io1-60', '60 GB I/O v1', 61440, 16, 5000, 40],
    ['io1-90', '90 GB I/O v1', 92160, 24, 7500, 40],
    ['io1-120', '120 GB I/O v1', 122880, 32, 10000, 40],
  ]),
  ...family('general1', 'general_flavor', [
    ['general1-1', '1 GB General Purpose v1', 1024, 1, 200, 20],
    ['general1-2', '2 GB General Purpose v1', 2048, 2, 400, 40],
    ['general1-4', '4 GB General Purpose v1', 4096, 4, 800, 80],
    ['general1-8', '8 GB General Purpose v1', 8192, 8, 1600, 160],
  ]),
].map((flavor) => Object.freeze(flavor)));
