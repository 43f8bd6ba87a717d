import type { WeightsManifestEntry } from '@tensorflow/tfjs-core/dist/io/types';

export type ChannelEntry = WeightsManifestEntry & { channels?: { axis: number; bits: number } };
/** Reads only `spec.quantization.dtype` (float16 or not). */
export function floatsOf(spec: { quantization?: { dtype?: string } }, chunk: Buffer, count: number): Float32Array;
export function channelAxis(shape: readonly number[]): number;
export function widthOf(bits: number): number;
export function quantizeChannels(values: Float32Array, shape: readonly number[], axis: number, bits?: number): Buffer;
export function channelGroup(
  group: { paths: string[]; weights: WeightsManifestEntry[] },
  data: Buffer,
  bits?: number,
): { weights: ChannelEntry[]; data: Buffer };
