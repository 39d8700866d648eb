/**
 * @module practice/coder/normalise
 * Text as a reader sees it, for the guards that look for instructions aimed at the machine:
 * Unicode compatibility forms folded (NFKC: full-width and stylised letters become plain ones),
 * invisible characters removed (zero-width spaces and joiners, word joiners, soft hyphens, the
 * byte-order mark, bidi embedding and isolate controls), Cyrillic and Greek letters that look
 * Latin folded to Latin, letters spaced out one by one joined up. Only for matching: the turn
 * itself is stored and shown exactly as the coach wrote it. Pure.
 */

// zero-width and format characters, soft hyphen, Mongolian vowel separator, bidi controls, BOM
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

/** Letters that render like Latin ones (Cyrillic and Greek), folded to the Latin letter. */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  с: 'c',
  е: 'e',
  ё: 'e',
  һ: 'h',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  ѕ: 's',
  т: 't',
  у: 'y',
  х: 'x',
  ԝ: 'w',
  ь: 'b',
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  І: 'I',
  Ј: 'J',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Ѕ: 'S',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  Ԝ: 'W',
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ϲ: 'c',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  Ϝ: 'F',
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'g');

/** Three or more single letters separated by single spaces ("f u l l"), joined ("full"). */
const SPACED_LETTERS = /\b(?:[A-Za-z] ){2,}[A-Za-z]\b/g;

/**
 * The text with obfuscation removed, for pattern guards.
 * @example normaliseForGuard('ig\u200bnore ｙｏｕｒ рrompt') // 'ignore your prompt'
 */
export function normaliseForGuard(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(LOOK_ALIKE, (ch) => LOOK_ALIKES[ch])
    .replace(SPACED_LETTERS, (m) => m.replace(/ /g, ''))
    .replace(/[ \t]{2,}/g, ' ');
}
