// Colour maths for the theme: WCAG contrast (colord's a11y plugin) and the text colour
// that reads best on a brand colour.
import { colord, extend } from "colord";
import a11yPlugin from "colord/plugins/a11y";

extend([a11yPlugin]);

const WHITE = "#ffffff";
const INK = "#0f172a";

export function contrastRatio(a: string, b: string): number {
  return colord(a).contrast(b);
}

/** White or near-black, whichever reads better on `background`. */
export function textOn(background: string): string {
  return contrastRatio(background, WHITE) >= contrastRatio(background, INK) ? WHITE : INK;
}

/** WCAG AA: 4.5:1 for text; 3:1 for large text and for focus outlines and other UI parts. */
export const AA_TEXT = 4.5;
export const AA_NON_TEXT = 3;

/**
 * The closest shade of `color` (same hue and saturation, lightness moved as little as
 * possible) that reaches `ratio` against `against`; the colour itself when it already does.
 */
export function nearestPassingShade(color: string, against: string, ratio: number): string {
  const base = colord(color);
  if (base.contrast(against) >= ratio) return base.toHex();
  const { h, s, l } = base.toHsl();
  let best: string | null = null;
  for (let step = 1; step <= 100; step++) {
    for (const lightness of [l - step, l + step]) {
      if (lightness < 0 || lightness > 100) continue;
      const candidate = colord({ h, s, l: lightness });
      if (candidate.contrast(against) >= ratio) {
        best = candidate.toHex();
        break;
      }
    }
    if (best) break;
  }
  return best ?? (colord(against).isLight() ? "#000000" : "#ffffff");
}

export type ContrastProblem = { field: "primaryColor" | "accentColor"; message: string; suggestion: string };

/**
 * The brand colour is used for links and buttons on white, so it needs 4.5:1 against
 * white; the accent draws focus outlines, so it needs 3:1.
 */
export function contrastProblems(primary: string, accent: string): ContrastProblem[] {
  const problems: ContrastProblem[] = [];
  const p = contrastRatio(primary, WHITE);
  if (p < AA_TEXT) {
    const suggestion = nearestPassingShade(primary, WHITE, AA_TEXT);
    problems.push({
      field: "primaryColor",
      message: `Links and buttons in this colour would be hard to read: contrast with white is ${p.toFixed(2)}:1, and WCAG AA needs 4.5:1. The nearest shade that passes is ${suggestion}.`,
      suggestion,
    });
  }
  const a = contrastRatio(accent, WHITE);
  if (a < AA_NON_TEXT) {
    const suggestion = nearestPassingShade(accent, WHITE, AA_NON_TEXT);
    problems.push({
      field: "accentColor",
      message: `Focus outlines in this colour would be hard to see: contrast with white is ${a.toFixed(2)}:1, and WCAG AA needs 3:1. The nearest shade that passes is ${suggestion}.`,
      suggestion,
    });
  }
  return problems;
}
