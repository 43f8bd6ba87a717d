import type { WeightsManifestEntry } from '@tensorflow/tfjs-core/dist/io/types';

export type ChannelEntry = WeightsManifestEntry & { channels?: { axis: number; bits: number } };
export function floatsOf(spec: WeightsManifestEntry, chunk: Buffer, count: number): Float32Array;
export function channelAxis(shape: readonly number[]): number;
export function widthOf(bits: number): number;
export function quantizeChannels(values: Float32Array, shape: readonly number[], axis: number, bits?: number): Buffer;
export function channelGroup(
  group: { paths: string[]; weights: WeightsManifestEntry[] },
  data: Buffer,
  bits?: number,
): { weights: ChannelEntry[]; data: Buffer };
