/**
 * Publisher colours (settings.yaml): contrast check and the CSS that applies them.
 * The page backgrounds are those of src/styles/global.css; a colour that would fall below
 * WCAG 2.1 AA contrast (4.5:1 for text; links and the accent also carry text) is refused.
 */

/** Backgrounds of global.css (--bg) in light and dark mode. */
export const PAGE_BACKGROUND = { light: '#ffffff', dark: '#121416' } as const;
export const MIN_CONTRAST = 4.5;

const channel = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

/** Relative luminance of "#rrggbb" (WCAG 2.1). */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** Contrast ratio of two colours, 1 … 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export type ModeColours = { accent: string; link: string; linkVisited: string };
export type PublisherColours = { light: ModeColours; dark: ModeColours };

/**
 * CSS custom properties for the screen (print keeps its black-on-white). `:root:root` wins over
 * global.css whatever order the two style blocks end up in.
 */
export function colourCss(c: PublisherColours): string {
  const vars = (m: ModeColours) => `--accent:${m.accent};--note-border:${m.accent};--link:${m.link};--link-visited:${m.linkVisited};--chart-1:${m.accent}`;
  return `@media screen{:root:root{${vars(c.light)}}}@media screen and (prefers-color-scheme:dark){:root:root{${vars(c.dark)}}}`;
}
