// Numbers across newsroom formats, in Indonesian and English, reduced to one canonical token so that
// "10.000", "10,000", "10 000", "10 ribu", "sepuluh ribu", "ten thousand", "10k" and "10rb" all read `10000`,
// "40 persen" / "40%" / "forty per cent" read `40%`, and a currency reads `rp` or `usd` before its amount.
//
// "." and ",": a separator followed by groups of exactly three digits is digit grouping in both languages
// ("10.000" and "10,000" are ten thousand). Otherwise only the language's decimal mark is a decimal ("1,5" in
// Indonesian, "1.5" in English); the other mark is left alone, so times and dates ("pukul 10.30", "17.08.2024")
// keep their form. One ambiguity is settled by what follows: a single mark of the language's decimal kind
// before a scale word is a decimal ("Rp 1,250 triliun" is 1.25 trillion, "1.250 billion" too).
// Years and other plain integers stay as they are.
import type { Language } from "~/claims/types";

type Scale = { value: number; needsCurrency?: boolean };

const idUnits: Record<string, number> = {
  nol: 0, satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9,
  sepuluh: 10, sebelas: 11,
};
const enUnits: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const idScales: Record<string, Scale> = {
  ribu: { value: 1e3 }, rb: { value: 1e3 }, k: { value: 1e3 }, juta: { value: 1e6 }, jt: { value: 1e6 },
  miliar: { value: 1e9 }, milyar: { value: 1e9 }, m: { value: 1e9, needsCurrency: true },
  triliun: { value: 1e12 }, t: { value: 1e12, needsCurrency: true }, tn: { value: 1e12, needsCurrency: true },
};
const enScales: Record<string, Scale> = {
  thousand: { value: 1e3 }, k: { value: 1e3 }, million: { value: 1e6 }, mn: { value: 1e6 },
  m: { value: 1e6, needsCurrency: true }, billion: { value: 1e9 }, bn: { value: 1e9 },
  b: { value: 1e9, needsCurrency: true }, trillion: { value: 1e12 }, tn: { value: 1e12 },
  t: { value: 1e12, needsCurrency: true },
};
/** "seribu", "sejuta", "seratus": the `se-` (one) forms of Indonesian scale words. */
const idOneOf: Record<string, number> = {
  seratus: 100, seribu: 1e3, sejuta: 1e6, semiliar: 1e9, semilyar: 1e9, setriliun: 1e12,
};
const currencies: Record<string, string> = { rp: "rp", idr: "rp", $: "usd", usd: "usd", "us$": "usd" };

export function formatNumber(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

/** A digit token ("10.000", "1,5", "2024"), or null when its separators aren't a number format of `language`. */
export function parseDigits(token: string, language: Language, beforeScale = false): number | null {
  if (/^\d+$/.test(token)) return Number(token);
  if (!/^\d+(?:[.,]\d+)+$/.test(token)) return null;
  const decimalMark = language === "id" ? "," : ".";
  const marks = token.replace(/\d/g, "");
  const groups = token.split(/[.,]/);
  const grouped = (parts: string[]) =>
    parts.slice(1).every((part) => part.length === 3) && (parts[0] ?? "").length <= 3;
  if (new Set(marks).size === 1) {
    const mark = marks[0] ?? "";
    const singleDecimal = marks.length === 1 && mark === decimalMark;
    if (grouped(groups) && !(singleDecimal && beforeScale)) return Number(groups.join(""));
    // Before a scale word either mark is a decimal ("1.5 juta" is written too); elsewhere only the language's.
    return singleDecimal || (marks.length === 1 && beforeScale) ? Number(token.replace(mark, ".")) : null;
  }
  // Both marks: grouping first, then one decimal mark ("1.234,5" in Indonesian, "1,234.5" in English).
  const last = token.lastIndexOf(decimalMark);
  const whole = token.slice(0, last).split(/[.,]/);
  if (token.slice(0, last).includes(decimalMark) || !grouped(whole)) return null;
  return Number(`${whole.join("")}.${token.slice(last + 1)}`);
}

type Reading = { value: number; length: number };

const enScaleWords = /^(?:hundred|thousand|million|billion|trillion)$/;
const hundredWords = new Set(["ratus", "hundred"]);
const halfWords = new Set(["setengah", "half"]);

/** Spelled numbers from `start`: "sepuluh ribu", "satu setengah juta", "twenty-five", "one and a half million". */
function readWords(tokens: string[], start: number, language: Language): Reading | null {
  const units = language === "id" ? idUnits : enUnits;
  const scales = language === "id" ? idScales : enScales;
  const isUnit = (token: string | undefined): token is string =>
    token !== undefined && (language === "en" ? token.split("-") : [token]).every((word) => word in units);
  let total = 0;
  let group = 0;
  let pending = 0;
  let length = 0;
  let lastUnit: number | null = null;
  for (let i = start; i < tokens.length; i++) {
    const word = tokens[i] ?? "";
    const started = i > start;
    const scale = scales[word];
    if (isUnit(word)) {
      const parts = language === "en" ? word.split("-") : [word];
      const value: number = parts.reduce((sum, part) => sum + (units[part] ?? 0), 0);
      // Two units in a row are two numbers ("dua tiga orang"), except English tens and ones ("twenty five").
      const tensAndOnes: boolean =
        language === "en" && lastUnit !== null && lastUnit >= 20 && lastUnit % 10 === 0 && value < 10;
      if (lastUnit !== null && !tensAndOnes) break;
      pending += value;
      lastUnit = tensAndOnes ? null : value;
      length = i - start + 1;
      continue;
    }
    lastUnit = null;
    if (language === "id" && word in idOneOf) {
      if (word === "seratus") group += 100;
      else {
        total += (group + pending || 1) * (idOneOf[word] ?? 1);
        group = pending = 0;
      }
    } else if (started && scale && !scale.needsCurrency) {
      // "dua ratus ribu juta": a larger scale after a smaller one multiplies what came before it.
      if (group + pending === 0 && total > 0 && total < scale.value) total *= scale.value;
      else total += (group + pending || 1) * scale.value;
      group = pending = 0;
    } else if (started && hundredWords.has(word)) {
      group += (pending || 1) * 100;
      pending = 0;
    } else if (started && language === "id" && word === "puluh") {
      group += pending * 10;
      pending = 0;
    } else if (started && language === "id" && word === "belas") {
      group += pending + 10;
      pending = 0;
    } else if (halfWords.has(word)) pending += 0.5;
    else if (started && language === "en" && word === "and" && pending === 0 && group + total > 0 && isUnit(tokens[i + 1])) {
      continue;
    }
    else if (started && language === "en" && word === "and" && tokens[i + 1] === "a" && tokens[i + 2] === "half") {
      pending += 0.5;
      i += 2;
    } else if (!started && language === "en" && word === "a" && enScaleWords.test(tokens[i + 1] ?? "")) {
      pending = 1;
    } else break;
    length = i - start + 1;
  }
  if (length === 0 || (length === 1 && tokens[start] === "a")) return null;
  return { value: total + group + pending, length };
}

/** The scale word at `i` ("juta", "billion", "T" after a currency), or null. */
function scaleAt(tokens: string[], i: number, language: Language, hasCurrency: boolean): number | null {
  const scale = (language === "id" ? idScales : enScales)[tokens[i] ?? ""];
  if (!scale || (scale.needsCurrency && !hasCurrency)) return null;
  return scale.value;
}

/** How many tokens from `i` say "percent": "%", "persen", "percent", "per cent", "pct". */
function percentAt(tokens: string[], i: number): number {
  const token = tokens[i];
  if (token === "%" || token === "persen" || token === "percent" || token === "pct") return 1;
  return token === "per" && tokens[i + 1] === "cent" ? 2 : 0;
}

/** A number written with digits from `i`, with its grouping spaces ("10 000") and its suffix ("10rb", "5T"). */
function readDigits(tokens: string[], i: number, language: Language, hasCurrency: boolean): Reading | null {
  const match = /^(\d+(?:[.,]\d+)*)(\p{L}*)$/u.exec(tokens[i] ?? "");
  if (!match) return null;
  let digits = match[1] ?? "";
  const suffix = match[2] ?? "";
  let length = 1;
  if (!suffix && /^\d{1,3}$/.test(digits)) {
    while (/^\d{3}$/.test(tokens[i + length] ?? "")) digits += tokens[i + length++];
  }
  const beforeScale = suffix !== "" || scaleAt(tokens, i + length, language, hasCurrency) !== null;
  const value = parseDigits(digits, language, beforeScale);
  if (value === null) return null;
  if (!suffix) return { value, length };
  const scale = suffix === "k" ? 1e3 : scaleAt([suffix], 0, language, hasCurrency);
  return scale === null ? null : { value: value * scale, length };
}

/** Rewrites the number phrases in `tokens` (from tokens.ts) as canonical tokens; other tokens pass unchanged. */
export function canonicalNumbers(tokens: string[], language: Language): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let token = tokens[i] ?? "";
    if (token === "us" && tokens[i + 1] === "$") {
      token = "us$";
      i++;
    }
    const currency = currencies[token];
    if (currency) {
      out.push(currency);
      i++;
      continue;
    }
    const hasCurrency = out.length > 0 && Object.values(currencies).includes(out[out.length - 1] ?? "");
    const digits = readDigits(tokens, i, language, hasCurrency);
    const reading = digits ?? readWords(tokens, i, language);
    if (!reading) {
      out.push(token);
      i++;
      continue;
    }
    let { value } = reading;
    i += reading.length;
    // "44 ratus", "45 hundred": digits times a hundred (spelled numbers read their own "ratus").
    const scale = scaleAt(tokens, i, language, hasCurrency) ?? (digits && hundredWords.has(tokens[i] ?? "") ? 100 : null);
    if (scale !== null) {
      value *= scale;
      i++;
    }
    const percent = percentAt(tokens, i);
    i += percent;
    // A plain integer ("2024", "08") is written as it came.
    const plain = reading.length === 1 && scale === null && !percent && /^\d+$/.test(token);
    out.push(plain ? token : formatNumber(value) + (percent ? "%" : ""));
  }
  return out;
}
