// Float16 weights for a tfjs model: float32 tensors stored as IEEE half floats (tfjs's
// `quantization: { dtype: 'float16' }`), other dtypes kept; tfjs expands them to float32 on load.

/** IEEE 754 binary16 bits of a float32, rounded to nearest even. */
export function toHalf(value) {
  const f32 = new Float32Array([value]);
  const x = new Uint32Array(f32.buffer)[0];
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    const half = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    return sign | (half + (rest > mid || (rest === mid && half & 1) ? 1 : 0));
  }
  const half = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  return sign | (half + (rest > 0x1000 || (rest === 0x1000 && half & 1) ? 1 : 0));
}

/** Rewrites one weights group (a manifest entry and its concatenated shards) with float16 weights. */
export function halveGroup(group, data) {
  const parts = [];
  let offset = 0;
  const weights = group.weights.map((w) => {
    const count = w.shape.reduce((a, b) => a * b, 1);
    const bytes = count * 4;
    const chunk = data.subarray(offset, offset + bytes);
    offset += bytes;
    if (w.dtype !== 'float32' || w.quantization) {
      parts.push(Buffer.from(chunk));
      return w;
    }
    const floats = new Float32Array(chunk.buffer.slice(chunk.byteOffset, chunk.byteOffset + bytes));
    const halves = new Uint16Array(count);
    for (let i = 0; i < count; i++) halves[i] = toHalf(floats[i]);
    parts.push(Buffer.from(halves.buffer));
    return { ...w, quantization: { dtype: 'float16', original_dtype: 'float32' } };
  });
  if (offset !== data.length) throw new Error(`weights use ${offset} of ${data.length} bytes: not float32/int32 only`);
  return { weights, data: Buffer.concat(parts) };
}
