// A one-line progress bar on stderr, only when stderr is a terminal (CI logs stay clean).

export interface Progress {
  update(done: number, total: number, failures: number): void;
  done(): void;
}

/** A progress bar, or a no-op when stderr is not a TTY. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  const started = performance.now();
  let last = 0;
  return {
    update(done, total, failures) {
      const now = performance.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = 30;
      const filled = total === 0 ? width : Math.min(width, Math.round((width * done) / total));
      const rate = done / Math.max(0.001, (now - started) / 1000);
      stream.write(`\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} · ${failures} failure(s) · ${Math.round(rate).toLocaleString("en-US")}/s `);
    },
    done() {
      stream.write("\r\x1b[2K");
    },
  };
}
