const digits: Record<string, number> = { i: 1, v: 5, x: 10 };

/** The value of a small Roman numeral, "vii" → 7, "IX" → 9 (up to 39), or null when the text is not one. */
export function romanValue(text: string): number | null {
  const t = text.toLowerCase();
  if (!t || !/^x{0,3}(?:ix|iv|v?i{0,3})$/.test(t)) return null;
  let value = 0;
  for (let k = 0; k < t.length; k++) {
    const here = digits[t.charAt(k)] ?? 0;
    value += here < (digits[t.charAt(k + 1)] ?? 0) ? -here : here;
  }
  return value;
}
