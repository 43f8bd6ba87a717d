import type { WeightsManifestEntry } from '@tensorflow/tfjs-core/dist/io/types';

export function toHalf(value: number): number;
export function halveGroup(
  group: { paths: string[]; weights: WeightsManifestEntry[] },
  data: Buffer,
): { weights: WeightsManifestEntry[]; data: Buffer };
