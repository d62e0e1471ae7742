// A global the core uses that is not in the web platform's lib but every target runtime has
// (Node, Bun, Deno): the request turns need a callback after the loop's next poll for I/O,
// which neither a microtask nor a clamped setTimeout gives.
declare function setImmediate<A extends unknown[]>(callback: (...args: A) => void, ...args: A): unknown;
