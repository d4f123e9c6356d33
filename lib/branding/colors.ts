// Colour maths for the theme: WCAG contrast (colord's a11y plugin) and the text colour
// that reads best on a brand colour.
import { colord, extend } from "colord";
import a11yPlugin from "colord/plugins/a11y";

extend([a11yPlugin]);

const WHITE = "#ffffff";
const INK = "#0f172a";

export function isColor(value: string): boolean {
  return colord(value).isValid();
}

export function contrastRatio(a: string, b: string): number {
  return colord(a).contrast(b);
}

/** White or near-black, whichever reads better on `background`. */
export function textOn(background: string): string {
  return contrastRatio(background, WHITE) >= contrastRatio(background, INK) ? WHITE : INK;
}

export function toHex(value: string): string {
  return colord(value).toHex();
}
