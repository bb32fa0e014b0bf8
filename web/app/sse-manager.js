// SSEManager: the spec's class (shared/spec/sse-endpoints.md), one EventSource per endpoint.
//
// Unlike the reference, a server `error` event's message is what the user sees: the source is
// closed inside the custom handler, so the native error that follows the server closing the
// stream never fires, and a finished stream ignores anything that still arrives. A native error
// on a live stream (server gone, connection dropped) reports "Connection error". `cancelled`
// ends the stream quietly; the caller clears its progress.

/** A random id naming this page to the server (not crypto.randomUUID: plain http on a LAN). */
export function makeClientId() {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * `parameters` as query pairs: a URLSearchParams, or an object whose group objects become
 * `group.Name=value` and whose other keys (e.g. `preset`) stay as they are.
 */
export function parameterPairs(parameters) {
  if (parameters instanceof URLSearchParams) return [...parameters];
  const pairs = [];
  for (const [key, value] of Object.entries(parameters ?? {})) {
    if (value !== null && typeof value === "object") {
      for (const [name, inner] of Object.entries(value)) pairs.push([`${key}.${name}`, String(inner)]);
    } else if (value !== undefined) {
      pairs.push([key, String(value)]);
    }
  }
  return pairs;
}

function parseData(event) {
  try {
    return JSON.parse(event.data);
  } catch {
    return undefined;
  }
}

export class SSEManager {
  /** endpoint → {source, url, done} */
  #streams = new Map();

  /**
   * @param {object} [options]
   * @param {string} [options.clientId] sent as `client=` with every stream
   * @param {(entry: {endpoint: string, what: string}) => void} [options.onLog] a hook for tests
   */
  constructor({ clientId = makeClientId(), onLog = () => {} } = {}) {
    this.clientId = clientId;
    this.onLog = onLog;
  }

  /**
   * Open `endpoint` with `parameters` (closing any stream already open on it).
   * callbacks: onProgress(percent, message), onComplete(data), onCancelled(data),
   * onError(message, fields) — exactly one of the last three is called, once.
   */
  startSSE(endpoint, parameters, callbacks = {}) {
    this.closeEventSource(endpoint);
    const query = new URLSearchParams(parameterPairs(parameters));
    query.set("client", this.clientId);
    const url = `${endpoint}?${query}`;
    const source = new EventSource(url);
    const stream = { source, url, done: false };
    this.#streams.set(endpoint, stream);
    this.onLog({ endpoint, what: "open" });

    const finish = (what) => {
      stream.done = true;
      source.close();
      if (this.#streams.get(endpoint) === stream) this.#streams.delete(endpoint);
      this.onLog({ endpoint, what });
    };

    source.addEventListener("progress", (event) => {
      if (stream.done) return;
      const data = parseData(event);
      if (data && typeof data.progress === "number") {
        callbacks.onProgress?.(data.progress, data.message ?? "");
      }
    });
    source.addEventListener("complete", (event) => {
      if (stream.done) return;
      const data = parseData(event);
      finish("complete");
      if (data === undefined) callbacks.onError?.("The server sent an unreadable result", []);
      else callbacks.onComplete?.(data);
    });
    source.addEventListener("cancelled", (event) => {
      if (stream.done) return;
      finish("cancelled");
      callbacks.onCancelled?.(parseData(event) ?? {});
    });
    // Both the server's `error` event (a MessageEvent with data) and the browser's own
    // connection error (a plain Event) arrive here; whichever comes first ends the stream.
    source.addEventListener("error", (event) => {
      if (stream.done) return;
      if (event instanceof MessageEvent) {
        const data = parseData(event) ?? {};
        finish("error");
        callbacks.onError?.(String(data.error ?? "The server reported an error"),
          Array.isArray(data.fields) ? data.fields : []);
      } else {
        finish("connection-error");
        callbacks.onError?.("Connection error", []);
      }
    });
    return source;
  }

  /** Close the stream open on exactly `endpoint`, if any; its callbacks are not called. */
  closeEventSource(endpoint) {
    const stream = this.#streams.get(endpoint);
    if (!stream) return;
    stream.done = true;
    stream.source.close();
    this.#streams.delete(endpoint);
    this.onLog({ endpoint, what: "closed" });
  }

  /** Close every stream whose endpoint contains `fragment` (e.g. "/visualize/"). */
  closeEventSourceContaining(fragment) {
    for (const endpoint of [...this.#streams.keys()]) {
      if (endpoint.includes(fragment)) this.closeEventSource(endpoint);
    }
  }

  closeAllEventSources() {
    for (const endpoint of [...this.#streams.keys()]) this.closeEventSource(endpoint);
  }

  /** The endpoints with a stream still open. */
  get openEndpoints() {
    return [...this.#streams.keys()];
  }
}
