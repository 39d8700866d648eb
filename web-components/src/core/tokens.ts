/**
 * @module core/tokens
 * The one set of design tokens: colour roles (light and dark), a type scale and a spacing scale.
 * `theme.styles` turns them into the private `--_*` custom properties every component uses (a
 * host overrides the public `--sb-*` ones); kept as plain data so a test can compute the WCAG
 * contrast of every text/background pair the components draw (`tokens.test.ts`).
 */

/** Colour roles; the public custom property is `--sb-color-<role>` (the focus ring: `--sb-focus-ring`). */
export const COLOR_ROLES = [
  'bg',
  'surface',
  'text',
  'muted',
  'border',
  'accent',
  'accent-text',
  'accent-soft',
  'coach-bubble',
  'partner-bubble',
  'danger',
  'danger-bg',
  'good',
  'good-bg',
  'fair',
  'fair-bg',
  'not-yet',
  'not-yet-bg',
  'focus',
] as const;
export type ColorRole = (typeof COLOR_ROLES)[number];

export const PALETTES: Record<'light' | 'dark', Record<ColorRole, string>> = {
  light: {
    bg: '#ffffff',
    surface: '#f4f6f8',
    text: '#1b1f24',
    muted: '#4a5360',
    border: '#8a94a3',
    accent: '#1f5fbf',
    'accent-text': '#ffffff',
    'accent-soft': '#e6eefb',
    'coach-bubble': '#e6eefb',
    'partner-bubble': '#f4f6f8',
    danger: '#a3262a',
    'danger-bg': '#fbe9e9',
    good: '#14532d',
    'good-bg': '#e1f3e6',
    fair: '#6b4500',
    'fair-bg': '#fdf0d5',
    'not-yet': '#8a1c1f',
    'not-yet-bg': '#fbe4e4',
    focus: '#1f5fbf',
  },
  dark: {
    bg: '#16191d',
    surface: '#21262d',
    text: '#e8eaed',
    muted: '#b3bbc6',
    border: '#6b7583',
    accent: '#8ab4f8',
    'accent-text': '#0b1a33',
    'accent-soft': '#1d2b42',
    'coach-bubble': '#1d2b42',
    'partner-bubble': '#262c34',
    danger: '#f4a3a3',
    'danger-bg': '#3d1a1b',
    good: '#8fdca6',
    'good-bg': '#17351f',
    fair: '#f3c56b',
    'fair-bg': '#3a2c0c',
    'not-yet': '#f4a3a3',
    'not-yet-bg': '#3d1a1b',
    focus: '#8ab4f8',
  },
};

/**
 * Every foreground drawn on a background, with the WCAG minimum it must meet: 4.5 for text,
 * 3 for large text and the parts of controls and charts one must see (borders, focus ring, bars).
 */
export const CONTRAST_PAIRS: { fg: ColorRole; bg: ColorRole; min: number; what: string }[] = [
  { fg: 'text', bg: 'bg', min: 4.5, what: 'body text' },
  { fg: 'text', bg: 'surface', min: 4.5, what: 'text on cards' },
  { fg: 'muted', bg: 'bg', min: 4.5, what: 'secondary text' },
  { fg: 'muted', bg: 'surface', min: 4.5, what: 'secondary text on cards' },
  { fg: 'muted', bg: 'partner-bubble', min: 4.5, what: 'names in partner bubbles' },
  { fg: 'muted', bg: 'coach-bubble', min: 4.5, what: 'names and nudges in coach bubbles' },
  { fg: 'text', bg: 'coach-bubble', min: 4.5, what: 'the coach’s words' },
  { fg: 'text', bg: 'partner-bubble', min: 4.5, what: 'the partner’s words' },
  { fg: 'accent', bg: 'bg', min: 4.5, what: 'links' },
  { fg: 'accent', bg: 'surface', min: 4.5, what: 'links on cards' },
  { fg: 'accent', bg: 'coach-bubble', min: 4.5, what: '"More feedback" in a coach bubble' },
  { fg: 'accent-text', bg: 'accent', min: 4.5, what: 'primary buttons' },
  { fg: 'text', bg: 'accent-soft', min: 4.5, what: 'chips and the avatar' },
  { fg: 'danger', bg: 'bg', min: 4.5, what: 'cautionary move chips' },
  { fg: 'danger', bg: 'danger-bg', min: 4.5, what: 'failure messages' },
  { fg: 'good', bg: 'good-bg', min: 4.5, what: 'Good badges' },
  { fg: 'fair', bg: 'fair-bg', min: 4.5, what: 'Fair badges' },
  { fg: 'not-yet', bg: 'not-yet-bg', min: 4.5, what: 'Not yet badges' },
  { fg: 'border', bg: 'bg', min: 3, what: 'control borders' },
  { fg: 'focus', bg: 'bg', min: 3, what: 'focus ring' },
  { fg: 'focus', bg: 'surface', min: 3, what: 'focus ring on cards' },
  { fg: 'accent', bg: 'surface', min: 3, what: 'score bars and chart lines' },
  { fg: 'good', bg: 'surface', min: 3, what: 'the Good threshold line' },
  { fg: 'fair', bg: 'surface', min: 3, what: 'the Fair threshold line' },
];

/** The type scale (relative to the host's font size, so a host's `--sb-font-size` scales it all). */
export const TYPE_SCALE = {
  xs: '0.8em',
  sm: '0.875em',
  md: '1em',
  lg: '1.125em',
  xl: '1.25em',
  '2xl': '1.5em',
} as const;

/** The spacing scale (rem, so spacing does not grow with nested font sizes). */
export const SPACE_SCALE = {
  1: '0.25rem',
  2: '0.5rem',
  3: '0.75rem',
  4: '1rem',
  5: '1.5rem',
  6: '2rem',
} as const;

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return (
    0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
  );
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The CSS declarations of one palette: `--_role: var(--sb-color-role, #value);`. */
export function paletteCss(scheme: 'light' | 'dark'): string {
  return COLOR_ROLES.map((role) => {
    const pub = role === 'focus' ? '--sb-focus-ring' : `--sb-color-${role}`;
    return `--_${role}: var(${pub}, ${PALETTES[scheme][role]});`;
  }).join('\n');
}

/** The type and spacing scales as CSS declarations. */
export function scaleCss(): string {
  const type = Object.entries(TYPE_SCALE).map(([k, v]) => `--_text-${k}: ${v};`);
  const space = Object.entries(SPACE_SCALE).map(([k, v]) => `--_space-${k}: ${v};`);
  return [...type, ...space].join('\n');
}
