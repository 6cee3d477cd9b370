/**
 * What a presence avatar shows: two characters of the name and a text colour that stays readable on the
 * person's colour (the colour may come from the server, so it is not assumed to be dark).
 *
 * @module
 */

const HAN = /\p{Script=Han}/u;

/**
 * Two characters for the avatar circle: a Chinese personal name (2–3 characters) shows its given name, as chat
 * apps here do (李安全 → 安全); a longer name (an enterprise, 项目部) shows its first two (江苏安建… → 江苏);
 * a Latin name shows its initial, upper-cased.
 */
export function avatarText(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '?';
  if (!chars.some((c) => HAN.test(c))) return (chars[0] ?? '?').toUpperCase();
  if (chars.length <= 3) return chars.slice(-2).join('');
  return chars.slice(0, 2).join('');
}

function channel(hex: string, at: number): number {
  const c = parseInt(hex.slice(at, at + 2), 16) / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2.1 relative luminance of `#rrggbb`; null for anything else. */
export function luminance(color: string): number | null {
  if (!/^#[0-9a-f]{6}$/i.test(color)) return null;
  return 0.2126 * channel(color, 1) + 0.7152 * channel(color, 3) + 0.0722 * channel(color, 5);
}

/** WCAG contrast ratio of two `#rrggbb` colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a) ?? 0, luminance(b) ?? 0].sort((x, y) => y - x) as [number, number];
  return (la + 0.05) / (lb + 0.05);
}

/**
 * White or black, whichever contrasts more with `background` (white when it is not `#rrggbb`). Pure black, not
 * the text grey: the better of white and black is at least 4.58:1 on any colour, so any colour the server
 * assigns stays AA (a teal such as #0c8599 gets 4.35:1 with white and less with grey).
 */
export function textColorOn(background: string): '#ffffff' | '#000000' {
  if (luminance(background) === null) return '#ffffff';
  return contrastRatio(background, '#ffffff') >= contrastRatio(background, '#000000') ? '#ffffff' : '#000000';
}
