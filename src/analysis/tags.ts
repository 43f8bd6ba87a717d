/** A marker as charts draw it: seconds from the session start, its number and label. */
export interface ChartMarker {
  at: number;
  n: number;
  label: string;
}

/** A marker's tag placed over the plot: left edge in CSS px, lane (row), and which side it opens to. */
export interface PlacedTag {
  marker: ChartMarker;
  x: number;
  lane: number;
  flip: boolean;
}

/** Tags are this wide at most (CSS px); the full label shows on hover and focus. */
export const TAG_WIDTH = 112;
const LANES = 3;

/**
 * Puts each marker's tag in the first lane where it does not overlap the previous tag, and opens
 * it leftwards near the right edge, so no label is cut by the chart's border.
 */
export function placeTags(markers: readonly ChartMarker[], xOf: (at: number) => number, width: number): PlacedTag[] {
  const laneEnds = new Array<number>(LANES).fill(-Infinity);
  return markers
    .map((marker) => ({ marker, x: xOf(marker.at) }))
    .filter((t) => t.x >= 0 && t.x <= width)
    .sort((a, b) => a.x - b.x)
    .map(({ marker, x }) => {
      const flip = x + TAG_WIDTH > width;
      const start = flip ? x - TAG_WIDTH : x;
      const free = laneEnds.findIndex((end) => end <= start);
      const lane = free === -1 ? laneEnds.indexOf(Math.min(...laneEnds)) : free;
      laneEnds[lane] = start + TAG_WIDTH + 4;
      return { marker, x, lane, flip };
    });
}
