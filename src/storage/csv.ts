import { EMOTION_LABELS } from '../shared/emotions.js';
import type { ExportFile, ExportSecond, ExportSession } from '../shared/export-schema.js';
import { readsAsFormula } from './csv-formula.js';
import { dominantOf } from './samples.js';

/** Machine column names (English keys), one row per recorded second. */
export const CSV_COLUMNS = [
  'patient_code',
  'session_id',
  'session_started_at',
  'second',
  'usable_pct',
  'detector_score_pct',
  'dominant',
  ...EMOTION_LABELS.map((label) => `${label}_pct`),
  'markers',
] as const;

/**
 * Quotes a field per RFC 4180 and defuses spreadsheet formulas with a leading apostrophe: a cell
 * that starts with = + - @, after blanks or in full width, would run in Excel or LibreOffice.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && readsAsFormula(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function markerLabels(session: ExportSession, second: number): string {
  return session.markers
    .filter((m) => Math.floor(m.t / 1000) === second)
    .map((m) => m.label || '*')
    .join(' | ');
}

function row(code: string, session: ExportSession, second: number, data: ExportSecond): (string | number | null)[] {
  const [usable, detectorScore = null, ...probabilities] = data;
  const marks = markerLabels(session, second);
  const fixed = [code, session.id, session.startedAt, second, usable, detectorScore];
  if (probabilities.length === 0) return [...fixed, null, ...EMOTION_LABELS.map(() => null), marks];
  return [...fixed, dominantOf(probabilities as number[]), ...probabilities, marks];
}

/** CSV with a header and one row per second of every session in the file. */
export function toCsv(file: ExportFile): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const patient of file.patients) {
    for (const session of patient.sessions) {
      session.seconds.forEach((data, second) =>
        lines.push(row(patient.code, session, second, data).map(csvField).join(',')),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
