import { writeSync } from 'node:fs';

/**
 * The default request log: lines are gathered and written once per turn of
 * the event loop (one `write` for all the requests answered in that turn,
 * after their answers), instead of one synchronous `console.log` per request
 * on the request's own path. What is still gathered when the process exits
 * is written before it does.
 */
export function bufferedLog(stream: NodeJS.WriteStream = process.stdout, fd = 1): (line: string) => void {
  let lines: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (lines.length === 0) return;
    const text = `${lines.join('\n')}\n`;
    lines = [];
    stream.write(text);
  };
  process.once('exit', () => {
    if (lines.length === 0) return;
    try {
      writeSync(fd, `${lines.join('\n')}\n`);
    } catch {
      // the stream is gone: nothing left to write to
    }
  });
  return (line) => {
    lines.push(line);
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush).unref();
  };
}
