/**
 * The machine-load command that `vault.vitest.config.ts` gives the browser benches, and the line
 * they print from it.
 */

export interface MachineLoad {
  cpu: string;
  cores: number;
  load: number[];
  busy: string[];
}

declare module 'vitest/browser' {
  interface BrowserCommands {
    machineLoad: () => Promise<MachineLoad>;
  }
}

export const loadLine = (m: MachineLoad): string =>
  `load average ${m.load.join(' ')}${m.busy.length ? `; also running: ${m.busy.join('; ')}` : ''}`;
