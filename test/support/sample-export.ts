import { EMOTION_LABELS } from '../../src/shared/emotions';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFile, type ExportSession } from '../../src/shared/export-schema';
import { toExportSecond } from '../../src/storage/export';
import { toSample } from '../../src/storage/samples';
import { fakeSeconds, random } from './fake-session';

/** A uuid-shaped id that is the same on every run. */
function fixedId(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

const iso = (ms: number): string => new Date(ms).toISOString();

function session(next: () => number, startedAt: number, seconds: number, seed: number): ExportSession {
  const id = fixedId(next);
  return {
    id,
    startedAt: iso(startedAt),
    endedAt: iso(startedAt + seconds * 1000),
    updatedAt: iso(startedAt + seconds * 1000),
    notes: 'Talked about work, then about sleep.\nCalmer at the end.',
    source: 'camera',
    markers: [
      // Inside the recording whatever its length: a marker after the end makes the file invalid.
      { id: fixedId(next), t: Math.min(12_300, seconds * 205), label: 'talked about work' },
      { id: fixedId(next), t: Math.min(40_000, seconds * 667), label: '' },
    ],
    seconds: fakeSeconds(seconds, seed).map((input, i) => toExportSecond(toSample(id, i, input))),
  };
}

/** A valid export: one patient, two sessions a week apart (one minute each unless told). */
export function sampleExport(seed = 7, secondsPerSession = 60): ExportFile {
  const next = random(seed);
  const start = Date.UTC(2026, 10, 2, 9, 30);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: iso(start + 14 * 86_400_000),
    labels: [...EMOTION_LABELS],
    patients: [
      {
        id: fixedId(next),
        code: 'P-7K3F9Q',
        name: 'María José Núñez',
        birthDate: '1984-05-17',
        notes: 'Referred by primary care.',
        archived: false,
        createdAt: iso(start - 86_400_000),
        updatedAt: iso(start - 86_400_000),
        sessions: [
          session(next, start, secondsPerSession, seed),
          session(next, start + 7 * 86_400_000, secondsPerSession, seed + 1),
        ],
      },
    ],
  };
}
