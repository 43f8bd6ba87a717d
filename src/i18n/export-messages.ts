import { msg, str } from '@lit/localize';
import { formatCount } from './format.js';

/** A file an export wrote: its name, how it left the app, how many sessions it holds, sealed or not. */
export interface ExportDone {
  fileName: string;
  outcome: 'shared' | 'downloaded';
  sessions: number;
  sealed: boolean;
}

/** What was written, and that it holds clinical data, in plain words. */
export function exportDoneMessage(done: ExportDone): { title: string; help: string } {
  const { fileName } = done;
  const sessions = formatCount(done.sessions);
  const title =
    done.outcome === 'shared'
      ? msg(str`Shared the file ${fileName} (sessions in it: ${sessions}).`)
      : msg(str`Saved the file ${fileName} in the downloads folder (sessions in it: ${sessions}).`);
  const help = done.sealed
    ? msg('It holds clinical data, sealed with your passphrase: only someone who knows it can open the file.')
    : msg(
        'It holds clinical data that anyone with the file can read: keep it safe, and delete it when it is no longer needed.',
      );
  return { title, help };
}
