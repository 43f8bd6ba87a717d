import type { Connect } from 'vite';
import type { BrowserContext } from 'playwright-core';

/** A same-origin page without the app (it must not open the database itself). */
export const BLANK_PATH = '/held-database-blank';

/** Answers BLANK_PATH with an empty page; pass to `serveDist`. */
export const blankRoute: Connect.NextHandleFunction = (req, res, next) => {
  if (req.url !== BLANK_PATH) return next();
  res.setHeader('Content-Type', 'text/html');
  res.end('<!doctype html><title>blank</title>');
};

/**
 * A real hang, no stub: a second page of the same browser opens Resmo's database at a higher
 * version and keeps its upgrade transaction busy forever, so every other open of the database
 * waits behind it and never answers (as WebKitGTK's stuck database does). Closing the page ends it.
 */
export async function holdDatabase(context: BrowserContext, origin: string): Promise<void> {
  const holder = await context.newPage();
  await holder.goto(new URL(BLANK_PATH, origin).href);
  await holder.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('resmo', 1_000_000);
        request.onerror = () => reject(request.error);
        request.onupgradeneeded = () => {
          const store = request.result.createObjectStore('held-by-test');
          // A transaction commits once it has no request left: never let it run out.
          const spin = () => void (store.get(0).onsuccess = spin);
          spin();
          resolve();
        };
      }),
  );
}
