/**
 * The progress display on stderr: on a terminal one status line that is rewritten in place and
 * ticks every second (elapsed time against the budget, scenario n of m, what it is doing);
 * otherwise (CI, a log file) one plain line per message.
 */
export interface Progress {
  /** A new scenario starts. */
  scenario(index: number, total: number, id: string): void;
  /** What the current scenario does now. */
  message(text: string): void;
  /** A line that stays (a scenario's outcome). */
  log(text: string): void;
  stop(): void;
}

/** Creates the display; `budgetSeconds` is shown next to the elapsed time. */
export function createProgress(budgetSeconds: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = performance.now();
  const live = stream.isTTY === true;
  let head = '';
  let text = '';
  const elapsed = () => `${String(Math.round((performance.now() - started) / 1000)).padStart(4)} s / ${budgetSeconds} s`;
  const line = () => `[${elapsed()}] ${head}${text ? ` · ${text}` : ''}`;
  const draw = () => {
    const columns = stream.columns || 120;
    stream.write(`\r\x1b[2K${line().slice(0, columns - 1)}`);
  };
  const timer = live ? setInterval(draw, 1000) : undefined;
  timer?.unref();
  return {
    scenario(index, total, id) {
      head = `${id} (${index} of ${total})`;
      text = 'starting';
      if (live) draw();
      else stream.write(`${line()}\n`);
    },
    message(t) {
      text = t;
      if (live) draw();
      else stream.write(`${line()}\n`);
    },
    log(t) {
      if (live) stream.write(`\r\x1b[2K${t}\n`);
      else stream.write(`${t}\n`);
      if (live) draw();
    },
    stop() {
      if (timer) clearInterval(timer);
      if (live) stream.write('\r\x1b[2K');
    },
  };
}
