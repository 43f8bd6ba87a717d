import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeY4m } from '../support/y4m';

describe('writeY4m', () => {
  it('writes a 4:2:0 header and one luma + two quarter-size chroma planes per frame', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'y4m-')), 'a.y4m');
    const luma = new Uint8Array(4 * 2).map((_, i) => i * 10);
    writeY4m(
      path,
      [
        { width: 4, height: 2, luma },
        { width: 4, height: 2, luma },
      ],
      5,
    );
    const bytes = readFileSync(path);
    const header = 'YUV4MPEG2 W4 H2 F5:1 Ip A1:1 C420jpeg\n';
    expect(bytes.subarray(0, header.length).toString()).toBe(header);
    const frameBytes = 'FRAME\n'.length + 8 + 2 * 2;
    expect(bytes.length).toBe(header.length + 2 * frameBytes);
    expect([...bytes.subarray(header.length + 6, header.length + 6 + 8)]).toEqual([...luma]);
    expect([...bytes.subarray(header.length + 14, header.length + 18)]).toEqual([128, 128, 128, 128]);
  });

  it('refuses odd sizes and mixed sizes', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'y4m-')), 'b.y4m');
    expect(() => writeY4m(path, [{ width: 3, height: 2, luma: new Uint8Array(6) }])).toThrow(/even/);
    const a = { width: 2, height: 2, luma: new Uint8Array(4) };
    const b = { width: 4, height: 2, luma: new Uint8Array(8) };
    expect(() => writeY4m(path, [a, b])).toThrow(/one size/);
  });
});
