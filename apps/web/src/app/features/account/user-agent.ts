/** Browsers in the order they must be looked for: Edge and Opera also say "Chrome", Chrome also says "Safari". */
const BROWSERS: readonly [name: string, pattern: RegExp][] = [
  ['Edge', /\bEdg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /\bOPR\/(\d+)/],
  ['Samsung Internet', /\bSamsungBrowser\/(\d+)/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/(\d+)/],
  ['Chromium', /\bChromium\/(\d+)/],
  ['Chrome', /\b(?:HeadlessChrome|Chrome|CriOS)\/(\d+)/],
  ['Safari', /\bVersion\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari\//],
];

const SYSTEMS: readonly [name: string, pattern: RegExp][] = [
  ['iOS', /\b(?:iPhone|iPod)\b/],
  ['iPadOS', /\biPad\b/],
  ['Android', /\bAndroid\b/],
  ['ChromeOS', /\bCrOS\b/],
  ['Windows', /\bWindows\b/],
  ['macOS', /\bMac OS X\b/],
  ['Linux', /\bLinux\b/],
];

/** What is left of an unknown agent (a script, an API client): enough to recognise it, short enough for a table. */
const RAW_MAX_LENGTH = 40;

/**
 * A session's `User-Agent` as a person recognises their device: "Firefox 128 · Windows",
 * "Safari 17 · iOS". Null when the agent is missing (the page then says "unknown device").
 */
export function describeUserAgent(userAgent: string | null | undefined): string | null {
  const agent = userAgent?.trim();
  if (!agent) {
    return null;
  }
  const browser = BROWSERS.map(([name, pattern]) => ({ name, match: pattern.exec(agent) })).find((b) => b.match);
  const system = SYSTEMS.find(([, pattern]) => pattern.test(agent))?.[0];
  if (!browser) {
    // curl/8.5.0, PostmanRuntime/7.39: the product token says it all.
    const product = agent.split(' ')[0];
    const raw = system && !product.startsWith('Mozilla/') ? `${product} · ${system}` : system ?? product;
    return raw.length > RAW_MAX_LENGTH ? `${raw.slice(0, RAW_MAX_LENGTH - 1)}…` : raw;
  }
  const name = `${browser.name} ${browser.match?.[1]}`;
  return system ? `${name} · ${system}` : name;
}
