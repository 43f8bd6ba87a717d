import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Connect } from 'vite';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

/** A `serveDist` route that sends the models' weight files slowly while `on`, like a slow connection. */
export interface SlowWeights {
  on: boolean;
  readonly route: Connect.NextHandleFunction;
}

/** Weight files (`*.bin`) at `bytesPerSecond`, in chunks of a tenth of a second, while `on`. */
export function slowWeights(bytesPerSecond: number): SlowWeights {
  const slow: SlowWeights = {
    on: false,
    route: (req, res, next) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (!slow.on || !path.endsWith('.bin')) return next();
      readFile(DIST + decodeURIComponent(path)).then((body) => {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.byteLength });
        const chunk = Math.max(1, Math.round(bytesPerSecond / 10));
        let at = 0;
        const timer = setInterval(() => {
          res.write(body.subarray(at, (at += chunk)));
          if (at < body.byteLength) return;
          clearInterval(timer);
          res.end();
        }, 100);
      }, next);
    },
  };
  return slow;
}
