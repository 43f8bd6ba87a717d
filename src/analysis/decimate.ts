/**
 * Min/max decimation for drawing: at most two points per pixel column per series, the column's
 * smallest and largest value, so every peak and dip stays visible. Only what is drawn is reduced;
 * the record is never touched.
 */
export interface Decimated {
  x: number[];
  ys: (number | null)[][];
}

interface Column {
  min: number;
  max: number;
  any: boolean;
}

function columnExtremes(ys: readonly (number | null)[], from: number, to: number): Column {
  let min = Infinity;
  let max = -Infinity;
  for (let i = from; i < to; i++) {
    const v = ys[i];
    if (v == null) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max, any: min !== Infinity };
}

/**
 * `x` ascending; `columns` is the plot's width in pixels. Inputs with no more than two points per
 * column are returned as they are. A column with no value in a series stays a gap (null).
 */
export function decimateMinMax(
  x: readonly number[],
  ys: readonly (readonly (number | null)[])[],
  columns: number,
): Decimated {
  const n = x.length;
  const first = x[0];
  const last = x[n - 1];
  if (first === undefined || last === undefined || n <= columns * 2 || last === first)
    return { x: [...x], ys: ys.map((y) => [...y]) };
  const width = (last - first) / columns;
  const out: Decimated = { x: [], ys: ys.map(() => []) };
  let start = 0;
  for (let c = 0; c < columns && start < n; c++) {
    const limit = c === columns - 1 ? Infinity : first + (c + 1) * width;
    let end = start;
    while (end < n && (x[end] as number) < limit) end++;
    if (end === start) continue;
    out.x.push(x[start] as number, x[end - 1] as number);
    ys.forEach((y, s) => {
      const { min, max, any } = columnExtremes(y, start, end);
      out.ys[s]?.push(any ? min : null, any ? max : null);
    });
    start = end;
  }
  return out;
}
