import { writeFileSync } from 'node:fs';

export interface GrayFrame {
  width: number;
  height: number;
  /** One byte per pixel, row-major. */
  luma: Uint8Array;
}

/**
 * Writes frames as a YUV4MPEG2 (4:2:0) file, the format Chromium's fake camera plays in a loop
 * (`--use-file-for-fake-video-capture`). Grey frames need no chroma, so U and V are mid-level.
 */
export function writeY4m(path: string, frames: readonly GrayFrame[], fps = 10): void {
  const first = frames[0];
  if (!first) throw new Error('writeY4m needs at least one frame');
  const { width, height } = first;
  if (width % 2 || height % 2) throw new Error('4:2:0 needs even frame sizes');
  const chroma = new Uint8Array((width / 2) * (height / 2) * 2).fill(128);
  const parts: Uint8Array[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`)];
  for (const frame of frames) {
    if (frame.width !== width || frame.height !== height) throw new Error('all frames must have one size');
    parts.push(Buffer.from('FRAME\n'), frame.luma, chroma);
  }
  writeFileSync(path, Buffer.concat(parts));
}
