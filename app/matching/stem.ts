// Light stemming, so that one word family meets in matching: Indonesian affixes ("dikerahkan", "pengerahan",
// "mengerahkan", "kerahkan" → "kerah") and English inflections ("claims", "claimed", "claiming" → "claim").
//
// The Indonesian stemmer works without a dictionary (see docs/decisions/0018-matching-text.md). Its one
// real ambiguity is meN-/peN- before a vowel, where the root's first letter was absorbed: "menarik" is
// me- + "tarik" but "menanti" is me- + "nanti", "mengirim" is "kirim" but "mengajar" is "ajar". The rule
// takes the usual root (meng- → k, meny- → s, mem- → p, men- → t) unless the stem is in a short list of
// common roots that start otherwise. A stem need not be the dictionary root, only the same across a family.
import type { Language } from "~/claims/types";

/** Roots starting with a vowel that take meng-/peng- ("mengajar", "pengungsi"). */
const vowelRoots = new Set([
  "ada", "adu", "ajak", "ajar", "akhir", "aku", "akui", "alam", "alih", "alir", "aman", "amat",
  "ambil", "ancam", "anggap", "angkat", "angkut", "antar", "atas", "atur", "awas", "edar", "ekspor",
  "elak", "emban", "evakuasi", "ikut", "imbau", "impor", "incar", "ingat", "injak", "intai", "isi", "izin",
  "obat", "olah", "operasi", "ubah", "uji", "ukur", "ulang", "umum", "undang", "ungkap", "ungsi", "unggah",
  "unggul", "urus", "usaha", "usir", "usul", "utara",
]);
/** Roots starting with m, n or ny that take mem-/men-/meny- ("memakan", "menanti", "menyatakan"). */
const nasalRoots = new Set([
  "maaf", "main", "maju", "makan", "malu", "mampu", "mandi", "manfaat", "masuk", "mati", "milik", "minta",
  "minum", "mohon", "muat", "mulai", "nafkah", "naik", "nama", "nanti", "nasihat", "nikah", "nikmat", "nilai",
  "nyala", "nyanyi", "nyata", "nyawa",
]);

/** Roots that look prefixed and are not ("perintah", "berita", "menteri"): prefix removal stops at them. */
const wholeRoots = new Set([
  "berat", "beras", "berita", "besar", "dinas", "dingin", "diri", "kecil", "kelompok", "kepala", "keras",
  "kereta", "ketua", "menteri", "perang", "peran", "percaya", "perdana", "pergi", "perintah", "periode", "perlu",
  "permanen", "pernah", "pers", "persen", "persentase", "persis", "personel", "pertama", "pesan", "peta",
  "terima", "terus",
]);

type Prefix = { rest: string; confix: boolean };

const vowel = /^[aeiou]/;

/** meN-/peN- before a vowel: the absorbed first letter back ("arik" after men- → "tarik"). */
function restore(rest: string, nasal: "ng" | "ny" | "m" | "n"): string {
  const own = { ng: "", ny: "ny", m: "m", n: "n" }[nasal] + rest;
  if (nasal === "ng") return vowelRoots.has(rest) ? rest : `k${rest}`;
  if (nasalRoots.has(own)) return own;
  return { ny: "s", m: "p", n: "t" }[nasal] + rest;
}

/** One derivational prefix off `word`, or null. `confix`: the prefix pairs with -an (pe-…-an, ke-…-an). */
function removePrefix(word: string): Prefix | null {
  for (const [start, confix] of [["me", false], ["pe", true]] as const) {
    if (!word.startsWith(start)) continue;
    const after = word.slice(2);
    if (start === "pe" && after.startsWith("r") && after.length > 4) return { rest: after.slice(1), confix };
    if (start === "pe" && after.startsWith("ker")) return { rest: after, confix };
    if (start === "pe" && after.startsWith("lajar")) return { rest: after.slice(1), confix };
    for (const nasal of ["ng", "ny", "m", "n"] as const) {
      if (!after.startsWith(nasal)) continue;
      const rest = after.slice(nasal.length);
      if (vowel.test(rest)) return { rest: restore(rest, nasal), confix };
      if (nasal === "ny") break;
      return { rest, confix };
    }
    if (/^[lrwy]/.test(after)) return { rest: after, confix };
  }
  if (word.startsWith("ber")) return { rest: word.slice(3), confix: true };
  if (word.startsWith("beker")) return { rest: word.slice(2), confix: true };
  if (word.startsWith("belajar")) return { rest: word.slice(3), confix: true };
  if (word.startsWith("ter")) return { rest: word.slice(3), confix: false };
  if (word.startsWith("di")) return { rest: word.slice(2), confix: false };
  if (word.startsWith("ke")) return { rest: word.slice(2), confix: true };
  return null;
}

/**
 * Up to two prefixes ("diperkuat", "keberhasilan"), each only if what is left stays a plausible stem.
 * ke- is taken only as the first half of ke-…-an (`withAn`), so "kerahkan" keeps its k.
 */
function removePrefixes(word: string, withAn = false): { stem: string; removed: number } {
  let stem = word;
  let removed = 0;
  for (; removed < 2; removed++) {
    if (wholeRoots.has(stem)) break;
    const prefix = removePrefix(stem);
    if (!prefix || (stem.startsWith("ke") && !(withAn && removed === 0))) break;
    const short = prefix.rest.length < 4 && !vowelRoots.has(prefix.rest);
    if (short || prefix.rest.length < 3) break;
    stem = prefix.rest;
  }
  return { stem, removed };
}

export function stemIndonesian(word: string): string {
  if (word.length < 5 || !/^[a-z]+$/.test(word)) return word;
  let base = word;
  if (wholeRoots.has(word)) return word;
  if (/(?:lah|kah|pun)$/.test(base) && base.length - 3 >= 5) base = base.slice(0, -3);
  if (base.endsWith("nya") && base.length - 3 >= 4) base = base.slice(0, -3);
  const whole = removePrefixes(base).stem;
  if (vowelRoots.has(whole) || nasalRoots.has(whole)) return whole;
  const first = removePrefix(base);
  const suffixes = first?.confix ? ["an", "kan", "i"] : ["kan", "an", "i"];
  for (const suffix of suffixes) {
    if (!base.endsWith(suffix)) continue;
    const { stem, removed } = removePrefixes(base.slice(0, -suffix.length), suffix === "an");
    // -kan and -an come off a bare word ("kerahkan", "bantuan") that keeps four letters; after a prefix that
    // didn't come off, no suffix does either.
    if (removed === 0 && (suffix === "i" || stem.length < 4 || (first && !base.startsWith("ke")))) continue;
    if (stem.length < (suffix === "i" ? 4 : 3)) continue;
    // A root doesn't end in two consonants (other than -ng): "kerahkan" is kerah + -kan, not ke- + "rahk" + -an.
    if (suffix === "an" && /[^aeiou]{2}$/.test(stem) && !stem.endsWith("ng")) continue;
    return stem;
  }
  return whole;
}

/** Plural -s, -ed and -ing off an English word, with a final "e" dropped so "make" and "making" meet. */
export function stemEnglish(token: string): string {
  const word = token.replace(/['’]s$/, "");
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return word;
  let stem = word;
  if (/ies$|ied$/.test(stem) && stem.length > 4) stem = `${stem.slice(0, -3)}y`;
  else if (/(?:ss|x|ch|sh)es$/.test(stem)) stem = stem.slice(0, -2);
  else if (/[^su]s$/.test(stem) && !/is$/.test(stem) && stem !== "news") stem = stem.slice(0, -1);
  if (/(?:ed|ing)$/.test(stem)) {
    const cut = stem.slice(0, stem.endsWith("ed") ? -2 : -3);
    if (cut.length >= 3 && /[aeiouy]/.test(cut)) {
      stem = /([bdgmnprt])\1$/.test(cut) ? cut.slice(0, -1) : cut;
    }
  }
  return stem.length > 3 && stem.endsWith("e") ? stem.slice(0, -1) : stem;
}

export function stem(word: string, language: Language): string {
  return language === "id" ? stemIndonesian(word) : stemEnglish(word);
}
