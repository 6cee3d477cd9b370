/** One server-sent event as the browser's EventSource would see it. */
export interface ServerEvent {
  event: string;
  data: unknown;
}

/**
 * Reads a `text/event-stream` response like EventSource does (without reconnecting), so tests can wait for the
 * next event of a kind instead of sleeping.
 */
export class SseReader {
  private buffer = '';
  private readonly events: ServerEvent[] = [];
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();

  private constructor(
    readonly response: Response,
    private readonly abort: AbortController,
  ) {
    this.reader = response.body!.getReader();
  }

  static async open(url: string, cookie: string): Promise<SseReader> {
    const abort = new AbortController();
    const response = await fetch(url, {
      headers: { cookie, accept: 'text/event-stream' },
      signal: abort.signal,
    });
    return new SseReader(response, abort);
  }

  /** The next event named `name` (earlier events of other names are skipped); rejects after `timeoutMs`. */
  async next(name: string, timeoutMs = 5000): Promise<ServerEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.events.findIndex((e) => e.event === name);
      if (index >= 0) return this.events.splice(0, index + 1).at(-1)!;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no "${name}" event within ${timeoutMs} ms`);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no "${name}" event within ${timeoutMs} ms`)), left);
      });
      try {
        const chunk = await Promise.race([this.reader.read(), timeout]);
        if (chunk.done) throw new Error(`stream ended before a "${name}" event`);
        this.push(this.decoder.decode(chunk.value, { stream: true }));
      } finally {
        clearTimeout(timer);
      }
    }
  }

  close(): void {
    this.abort.abort();
  }

  private push(text: string) {
    this.buffer += text;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      if (data.length > 0) this.events.push({ event, data: JSON.parse(data.join('\n')) });
    }
  }
}
