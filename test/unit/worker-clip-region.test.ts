import { describe, expect, it } from 'vitest';
import { clipRegion } from '../../src/worker/clip-region';

describe('clipping a region to the frame before drawing it', () => {
  it('leaves a region inside the frame as it is', () => {
    expect(clipRegion({ x: 100, y: 50, size: 200 }, 640, 480, 128)).toEqual({
      sx: 100,
      sy: 50,
      sw: 200,
      sh: 200,
      dx: 0,
      dy: 0,
      dw: 128,
      dh: 128,
    });
  });

  it('draws only the part inside the frame, where it belongs on the output', () => {
    expect(clipRegion({ x: -100, y: 400, size: 200 }, 640, 480, 100)).toEqual({
      sx: 0,
      sy: 400,
      sw: 100,
      sh: 80,
      dx: 50,
      dy: 0,
      dw: 50,
      dh: 40,
    });
  });

  it('draws nothing for a region wholly outside the frame', () => {
    expect(clipRegion({ x: 640, y: 0, size: 100 }, 640, 480, 128)).toBeNull();
    expect(clipRegion({ x: -100, y: -100, size: 100 }, 640, 480, 128)).toBeNull();
  });
});
