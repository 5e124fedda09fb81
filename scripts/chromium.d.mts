/** The browser to launch: `CHROME_PATH`, else Debian's `/usr/bin/chromium`. */
export declare const CHROME_PATH: string;
/** Launch flags that keep Chromium headless and off the network (STACK.md). */
export declare const CHROMIUM_ARGS: string[];
