/** One series of an elapsed-time chart: what it is called, how it is drawn, its values per second. */
export interface ChartSeries {
  label: string;
  color: string;
  /** Line pattern, so colour is never the only cue. */
  dash: number[];
  values: readonly (number | null)[];
}
