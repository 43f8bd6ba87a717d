/**
 * The `default` of an exhaustive `switch` on a union's `type`: a new member that is not handled
 * leaves a value here that is not `never`, so the file stops compiling until it is.
 */
export function unhandled(value: never): never {
  throw new TypeError(`Unhandled message: ${JSON.stringify(value)}`);
}
