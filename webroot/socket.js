// One WebSocket per signed-in tab, reconnecting with capped exponential backoff.
// The document controller decides what to (re)send on open; this layer only keeps a pipe alive.

const MAX_DELAY_MS = 10000;

export class Connection {
  /**
   * @param {object} hooks
   *   token(): current bearer token or null
   *   onOpen(): called after every (re)connect, to resubscribe
   *   onMessage(msg): parsed server message
   *   onState(state, detail): 'connecting' | 'open' | 'reconnecting' | 'closed'
   *   onUnauthorized(): the server closed with 4401
   */
  constructor(hooks) {
    this.hooks = hooks;
    this.ws = null;
    this.attempt = 0;
    this.timer = 0;
    this.wanted = false;
    this.state = 'closed';
    // A dropped network usually comes back with an 'online' event; retrying then beats waiting out the backoff.
    window.addEventListener('online', () => {
      if (this.wanted && this.state === 'reconnecting') this.connectNow();
    });
  }

  get isOpen() {
    return this.ws !== null && this.ws.readyState === WebSocket.OPEN;
  }

  /** Keeps a connection up from now on (idempotent). */
  ensure() {
    this.wanted = true;
    if (this.ws || this.timer) return;
    this.connectNow();
  }

  /** Stops reconnecting and closes, e.g. on logout. */
  shutdown() {
    this.wanted = false;
    clearTimeout(this.timer);
    this.timer = 0;
    if (this.ws) {
      const ws = this.ws;
      this.ws = null;
      ws.close(1000, 'bye');
    }
    this.setState('closed');
  }

  send(message) {
    if (!this.isOpen) return false;
    this.ws.send(JSON.stringify(message));
    return true;
  }

  connectNow() {
    clearTimeout(this.timer);
    this.timer = 0;
    const token = this.hooks.token();
    if (!token) {
      this.hooks.onUnauthorized();
      return;
    }
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const url = `${scheme}//${location.host}/ws?access_token=${encodeURIComponent(token)}`;
    this.setState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let ws;
    try {
      ws = new WebSocket(url);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      if (this.ws !== ws) return;
      this.attempt = 0;
      this.setState('open');
      this.hooks.onOpen();
    };
    ws.onmessage = (event) => {
      if (this.ws !== ws) return;
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return; // A frame we cannot parse carries nothing we could act on.
      }
      this.hooks.onMessage(message);
    };
    ws.onclose = (event) => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (event.code === 4401) {
        this.wanted = false;
        this.setState('closed');
        this.hooks.onUnauthorized();
        return;
      }
      if (this.wanted) this.scheduleRetry();
      else this.setState('closed');
    };
    // onerror is always followed by onclose, which does the bookkeeping.
    ws.onerror = () => {};
  }

  scheduleRetry() {
    const delay = Math.min(1000 * 2 ** this.attempt, MAX_DELAY_MS);
    this.attempt = Math.min(this.attempt + 1, 8);
    this.setState('reconnecting', delay);
    this.timer = setTimeout(() => {
      this.timer = 0;
      if (this.wanted) this.connectNow();
    }, delay);
  }

  setState(state, detail) {
    this.state = state;
    this.hooks.onState(state, detail);
  }
}
