/** An error's message, or the thrown value as text, for the worker's error replies. */
export const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
