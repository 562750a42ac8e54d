// Claim suggestions: segmentation, scoring, fragments and offsets, on the sample article and on hand-made cases.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { defaultMinScore, detectTextLanguage, segmentSentences, suggestClaims, type Language, type Suggestion } from "./suggest.ts";
import { type SuggestionReason, suggestionReasons } from "./types.ts";

const fixture = readFileSync(fileURLToPath(new URL("../../tests/fixtures/tribunnews-kursk-2024-10-28.txt", import.meta.url)), "utf8");

const sentencesOf = (text: string, language: Language) => segmentSentences(text, language).map((span) => text.slice(span.start, span.end));

/** The whole-sentence suggestion for a text of one sentence (or a short paragraph: its first sentence). */
const sentenceOf = (text: string, language: Language) => suggestClaims(text, { language }).find((s) => s.kind === "sentence" && s.start === 0);

/** The whole sentence `text` is suggested as: at or over the default threshold, with at least `reasons` (or exactly them). */
function candidate(text: string, language: Language, reasons: SuggestionReason[], { exactly = false } = {}) {
  const sentence = sentenceOf(text, language);
  expect(sentence?.score, text).toBeGreaterThanOrEqual(defaultMinScore);
  expect(sentence?.reasons, text).toEqual(exactly ? reasons : expect.arrayContaining(reasons));
  return sentence!;
}

/** The suggestions whose text contains every one of `words`. */
const covering = (suggestions: Suggestion[], words: string[]) => suggestions.filter((s) => words.every((word) => s.text.includes(word)));

/** Offsets are JS string indexes; spans sorted, trimmed, inside the text, never splitting a surrogate pair. */
function expectValidSuggestions(text: string, suggestions: Suggestion[]) {
  const sentenceSpans = new Set(suggestions.filter((s) => s.kind === "sentence").map((s) => `${s.start}:${s.end}`));
  suggestions.forEach((suggestion, index) => {
    expect(suggestion.start).toBeGreaterThanOrEqual(0);
    expect(suggestion.end).toBeLessThanOrEqual(text.length);
    expect(suggestion.end).toBeGreaterThan(suggestion.start);
    expect(suggestion.text).toBe(text.slice(suggestion.start, suggestion.end));
    expect(suggestion.text).toBe(suggestion.text.trim());
    expect(suggestion.text).not.toMatch(/[\r\n]/);
    const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
    expect(isLowSurrogate(text.charCodeAt(suggestion.start))).toBe(false);
    expect(suggestion.end === text.length || !isLowSurrogate(text.charCodeAt(suggestion.end))).toBe(true);
    expect(suggestion.score).toBeGreaterThanOrEqual(0);
    expect(suggestion.score).toBeLessThanOrEqual(1);
    expect(Math.round(suggestion.score * 100) / 100).toBe(suggestion.score);
    expect(suggestion.reasons.length).toBeGreaterThan(0);
    const order = suggestion.reasons.map((reason) => suggestionReasons.indexOf(reason));
    expect(order).toEqual([...new Set(order)].sort((a, b) => a - b));
    expect(order.every((position) => position >= 0)).toBe(true);
    if (suggestion.kind === "fragment") expect(sentenceSpans.has(`${suggestion.start}:${suggestion.end}`)).toBe(false);
    const previous = suggestions[index - 1];
    if (previous) {
      expect(previous.start <= suggestion.start).toBe(true);
      if (previous.start === suggestion.start) expect(previous.end >= suggestion.end).toBe(true);
      expect(previous.start === suggestion.start && previous.end === suggestion.end && previous.kind === suggestion.kind).toBe(false);
    }
  });
}

describe("the sample article (Tribunnews, 28/10/2024)", () => {
  const suggestions = suggestClaims(fixture, { language: "id" });

  it("covers the five claims an editor would pull", () => {
    // (1) About 10,000 North Korean troops reported to have arrived in Kursk.
    expect(covering(suggestions, ["Sekitar 10.000 tentara asal Korea Utara", "dilaporkan tiba di Kursk"])).not.toHaveLength(0);
    // (2) Rutte confirmed on Monday 28/10/2024 that North Korean units were deployed to Kursk.
    const confirmed = [
      ...covering(suggestions, ["dikonfirmasi", "Mark Rutte", "Senin (28/10/2024)"]),
      ...covering(suggestions, ["Hari ini saya dapat mengonfirmasi", "dikerahkan ke wilayah Kursk"]),
    ];
    expect(confirmed.length).toBeGreaterThanOrEqual(2);
    // (3) The Kremlin dismissed the reports as "berita palsu".
    expect(covering(suggestions, ["Kremlin", "menepis laporan", "berita palsu"])).not.toHaveLength(0);
    // (4) Putin signed a mutual defence pact with Kim Jong Un in June.
    expect(covering(suggestions, ["pakta pertahanan keamanan bersama", "ditandatanganinya", "Kim Jong Un pada bulan Juni"])).not.toHaveLength(0);
    // (5) Ukraine's Defence Intelligence Directorate urged the soldiers, in Korean, on Telegram.
    expect(covering(suggestions, ["Jangan mati", "Direktorat Intelijen Pertahanan Ukraina", "Telegram"])).not.toHaveLength(0);
  });

  it("gives each claim the reasons that make it checkable", () => {
    const reasonsOf = (words: string[]) => new Set(covering(suggestions, words).flatMap((s) => s.reasons));
    expect([...reasonsOf(["10.000 tentara", "tiba di Kursk"])]).toEqual(expect.arrayContaining(["quantity", "attribution", "event"]));
    expect([...reasonsOf(["dikonfirmasi", "Senin (28/10/2024)"])]).toEqual(expect.arrayContaining(["date", "attribution"]));
    expect([...reasonsOf(["menepis laporan", "berita palsu"])]).toContain("denial");
    expect([...reasonsOf(["ditandatanganinya", "pada bulan Juni"])]).toEqual(expect.arrayContaining(["date", "event"]));
    expect([...reasonsOf(["Jangan mati", "Telegram"])]).toEqual(expect.arrayContaining(["attribution", "direct_quote"]));
  });

  it("offers fragments: the amount with its subject, the quote, the denial", () => {
    const fragments = suggestions.filter((s) => s.kind === "fragment").map((s) => s.text);
    expect(fragments).toContain("Sekitar 10.000 tentara asal Korea Utara (Korut) dilaporkan tiba di Kursk");
    expect(fragments).toContain("Sekitar 10.000 tentara");
    expect(fragments).toContain("puluhan ribu tentara");
    expect(fragments).toContain(
      "Hari ini saya dapat mengonfirmasi bahwa tentara Korea Utara telah dikirim ke Rusia dan unit-unit militer mereka telah dikerahkan ke wilayah Kursk",
    );
    expect(fragments).toContain("Kremlin dengan tegas telah menepis laporan mengenai pengerahan pasukan Korea Utara sebagai “berita palsu.”");
  });

  it("scores the related-article link and the subheading low", () => {
    const all = suggestClaims(fixture, { language: "id", minScore: 0 });
    const linkStart = fixture.indexOf("Baca juga:");
    const linkEnd = fixture.indexOf("\n", linkStart);
    const onLink = all.filter((s) => s.start >= linkStart && s.end <= linkEnd);
    expect(onLink.every((s) => s.score < 0.2)).toBe(true);
    expect(suggestions.filter((s) => s.start >= linkStart && s.end <= linkEnd)).toEqual([]);
    expect(covering(suggestions, ["Ukraina Desak Tentara Korut Untuk Membelot"])).toEqual([]);
    expect(covering(suggestions, ["Kami terus memantau situasi"])).toEqual([]);
  });

  it("keeps offsets valid, with auto language detection too", () => {
    expect(detectTextLanguage(fixture)).toBe("id");
    expectValidSuggestions(fixture, suggestions);
    expect(suggestClaims(fixture)).toEqual(suggestions);
  });
});

describe("segmentSentences", () => {
  const cases: Array<[string, Language, string, string[]]> = [
    ["Indonesian thousands and decimals", "id", "Sekitar 10.000 tentara tiba. Harga naik 2,5 persen.", ["Sekitar 10.000 tentara tiba.", "Harga naik 2,5 persen."]],
    ["English thousands and decimals", "en", "About 10,000 troops arrived. Prices rose 2.5 percent.", ["About 10,000 troops arrived.", "Prices rose 2.5 percent."]],
    ["slashed dates and times", "id", "Gempa terjadi pada 28/10/2024 pukul 10.30 WIB. Warga panik.", ["Gempa terjadi pada 28/10/2024 pukul 10.30 WIB.", "Warga panik."]],
    [
      "a dateline in brackets at the end",
      "id",
      "Hal itu dikonfirmasi Rutte, Senin (28/10/2024). Ia berbicara di Brussel.",
      ["Hal itu dikonfirmasi Rutte, Senin (28/10/2024).", "Ia berbicara di Brussel."],
    ],
    [
      "Indonesian titles and street abbreviations",
      "id",
      "Pasien diperiksa dr. Andi di klinik Jl. Sudirman No. 5, Jakarta. Prof. Budi dan H. Ahmad ikut hadir.",
      ["Pasien diperiksa dr. Andi di klinik Jl. Sudirman No. 5, Jakarta.", "Prof. Budi dan H. Ahmad ikut hadir."],
    ],
    [
      "police ranks and initials",
      "id",
      "Menurut Kapolri Jenderal Pol. Listyo Sigit, ada 5 tersangka. Joko S. Widodo tidak hadir.",
      ["Menurut Kapolri Jenderal Pol. Listyo Sigit, ada 5 tersangka.", "Joko S. Widodo tidak hadir."],
    ],
    [
      "English titles, U.S. and a.m.",
      "en",
      "Mr. Smith flew to the U.S. in May. He landed at 9 a.m. on Monday. The U.S. Army said so.",
      ["Mr. Smith flew to the U.S. in May.", "He landed at 9 a.m. on Monday.", "The U.S. Army said so."],
    ],
    [
      "an abbreviation that does end the sentence",
      "en",
      "He moved to the U.S. He never came back. The meeting ended at 5 p.m. Police left.",
      ["He moved to the U.S.", "He never came back.", "The meeting ended at 5 p.m.", "Police left."],
    ],
    [
      "a quotation of two sentences with its attribution",
      "id",
      "\"Hari ini kami mengonfirmasi. Tentara telah tiba,\" kata Rutte. Lalu ia pergi.",
      ["\"Hari ini kami mengonfirmasi. Tentara telah tiba,\" kata Rutte.", "Lalu ia pergi."],
    ],
    [
      "curly quotes ending in ! then kata X",
      "id",
      "“Kami menolak. Itu hoaks!” kata juru bicara. Ia lalu pergi.",
      ["“Kami menolak. Itu hoaks!” kata juru bicara.", "Ia lalu pergi."],
    ],
    [
      "straight quotes ending in ! then said X",
      "en",
      "\"We will win!\" said the coach. Fans cheered. \"Never!\" Coach Smith said.",
      ["\"We will win!\" said the coach.", "Fans cheered.", "\"Never!\" Coach Smith said."],
    ],
    ["a question inside quotes then he asked", "en", "“Why now?” he asked. Nobody answered.", ["“Why now?” he asked.", "Nobody answered."]],
    [
      "a sentence ending inside curly quotes",
      "id",
      "Kremlin menepis laporan itu sebagai “berita palsu.” Sementara itu, Putin diam.",
      ["Kremlin menepis laporan itu sebagai “berita palsu.”", "Sementara itu, Putin diam."],
    ],
    [
      "mixed straight and curly quotes (the sample article)",
      "id",
      "\"Kami menghimbau para prajurit. Jangan mati tanpa alasan,” kata Direktorat Intelijen. Pesan itu diunggah di Telegram.",
      ["\"Kami menghimbau para prajurit. Jangan mati tanpa alasan,” kata Direktorat Intelijen.", "Pesan itu diunggah di Telegram."],
    ],
    [
      "Kompas-style quotes ”…”",
      "id",
      "”Kami sudah bekerja. Hasilnya bagus,” ujar Budi. Ia tersenyum.",
      ["”Kami sudah bekerja. Hasilnya bagus,” ujar Budi.", "Ia tersenyum."],
    ],
    ["questions and exclamations", "id", "Benarkah itu? Ya, benar! Semua setuju.", ["Benarkah itu?", "Ya, benar!", "Semua setuju."]],
    [
      "newlines are hard boundaries, CRLF included",
      "id",
      "Baris satu tanpa titik\nBaris dua. Baris tiga\r\nBaris empat.\rBaris lima",
      ["Baris satu tanpa titik", "Baris dua.", "Baris tiga", "Baris empat.", "Baris lima"],
    ],
    ["whitespace trimmed, blank lines skipped", "en", "  \t First one.   Second one.  \n\n   \n Third. ", ["First one.", "Second one.", "Third."]],
  ];
  it.each(cases)("%s", (_name, language, text, expected) => {
    expect(sentencesOf(text, language)).toEqual(expected);
    for (const span of segmentSentences(text, language)) expect(span.end).toBeGreaterThan(span.start);
  });

  it("splits the sample article into its sentences, keeping the two-sentence quote whole", () => {
    const sentences = sentencesOf(fixture, "id");
    expect(sentences).toContain("Menambah tekanan pada tentara Ukraina yang sudah lelah dan kewalahan.");
    expect(sentences.find((s) => s.startsWith("\"Kami menghimbau"))).toMatch(/Jangan mati tanpa alasan di tanah asing,” kata Direktorat .* Telegramnya\.$/);
    expect(sentences.some((s) => s.startsWith("Jangan mati"))).toBe(false);
    expect(sentences).toHaveLength(17);
  });

  it("handles an empty text and text without any letters", () => {
    expect(segmentSentences("", "id")).toEqual([]);
    expect(segmentSentences(" \n\r\n\t ", "en")).toEqual([]);
    expect(sentencesOf("🚀🔥 👍", "en")).toEqual(["🚀🔥 👍"]);
  });
});

describe("suggestClaims", () => {
  it("returns nothing for empty or blank text", () => {
    expect(suggestClaims("")).toEqual([]);
    expect(suggestClaims("  \n \r\n ")).toEqual([]);
  });

  it("keeps offsets exact with emoji (surrogate pairs), right-to-left text and CRLF", () => {
    const texts = [
      "Harga cabai naik 10% 🚀🔥 dalam sepekan, kata pedagang. 👍 Sebanyak 1.200 warga antre 🧑‍🤝‍🧑 sejak Senin (28/10/2024).",
      "🚨🚨 Polisi menangkap 3 tersangka 😡 di Bekasi.",
      "قال المتحدث إن 300 شخص قتلوا في الهجوم. Sementara itu, 12 orang ditangkap polisi pada Selasa.",
      "הממשלה אישרה תקציב של 5 מיליארד. The cabinet approved a 5 billion shekel budget on Sunday, officials said.",
      "Baris pertama menyebut 5.000 warga mengungsi.\r\nBaris kedua: 20 rumah rusak akibat banjir.\r\n\r\nMenurut BNPB, 3 orang tewas.\r\n",
    ];
    for (const text of texts) {
      for (const language of ["id", "en", "auto"] as const) {
        const suggestions = suggestClaims(text, { language, minScore: 0 });
        expect(suggestions.length).toBeGreaterThan(0);
        expectValidSuggestions(text, suggestions);
      }
    }
    const emoji = "🚨🚨 Polisi menangkap 3 tersangka 😡 di Bekasi.";
    const sentence = suggestClaims(emoji, { language: "id" }).find((s) => s.kind === "sentence")!;
    expect(sentence.start).toBe(0);
    expect(sentence.end).toBe(emoji.length);
  });

  const notCheckworthy: Array<[Language, string]> = [
    ["id", "Menurut saya, pemerintah seharusnya memberi subsidi 50 persen untuk petani."],
    ["id", "Saya pikir harga beras akan turun bulan depan."],
    ["id", "Ekonomi diperkirakan tumbuh 5,2 persen tahun depan."],
    ["id", "Mungkin saja hujan turun nanti sore."],
    ["id", "Pemerintah seharusnya lebih peduli pada nasib nelayan."],
    ["id", "Apakah benar 10.000 tentara Korea Utara sudah tiba di Kursk?"],
    ["id", "Kapan harga BBM akan naik lagi?"],
    ["id", "Suasana pasar pagi itu terasa hangat dan meriah."],
    ["en", "I think the new stadium is the best in the country."],
    ["en", "The economy will grow by 3 percent next year, analysts predict."],
    ["en", "Prices could fall further if demand weakens."],
    ["en", "The government should spend more on schools."],
    ["en", "Did 10,000 troops really arrive in Kursk?"],
    ["en", "In my opinion, the referee made the wrong call."],
    ["en", "The sunset over the harbour was absolutely stunning."],
  ];
  it.each(notCheckworthy)("scores an opinion, prediction or question low (%s): %s", (language, text) => {
    expect(suggestClaims(text, { language })).toEqual([]);
    const best = Math.max(0, ...suggestClaims(text, { language, minScore: 0 }).map((s) => s.score));
    expect(best).toBeLessThan(defaultMinScore);
  });

  const checkworthy: Array<[Language, string]> = [
    ["id", "Badan Pusat Statistik mencatat inflasi September 2024 sebesar 1,84 persen."],
    ["id", "Polisi menangkap tiga tersangka dengan kerugian korban mencapai Rp 12 miliar."],
    ["id", "Kementerian Kesehatan membantah kabar bahwa vaksin itu mengandung babi."],
    ["id", "Indonesia menjadi produsen nikel terbesar di dunia pada 2023."],
    ["en", "Unemployment rose to 4.3 percent in August, the highest level in nearly three years."],
    ["en", "The Kremlin denied reports that its troops had crossed the border."],
    ["en", "The president signed the bill on Monday, the White House said."],
  ];
  it.each(checkworthy)("scores a checkable statement high (%s): %s", (language, text) => {
    const sentence = suggestClaims(text, { language }).find((s) => s.kind === "sentence");
    expect(sentence?.score).toBeGreaterThanOrEqual(defaultMinScore);
  });

  it("extracts a quantity with what it counts, as a fragment", () => {
    const text = "Menurut polisi, 12 orang tewas dalam kecelakaan bus di Subang, dan 30 lainnya luka-luka.";
    const fragments = suggestClaims(text, { language: "id" }).filter((s) => s.kind === "fragment");
    expect(fragments.map((s) => s.text)).toEqual(expect.arrayContaining(["12 orang", "Menurut polisi, 12 orang tewas dalam kecelakaan bus di Subang", "30 lainnya luka-luka."]));
    expect(fragments.find((s) => s.text === "12 orang")!.reasons).toEqual(["quantity"]);

    const english = "More than 1,200 people have died in the floods, the Red Cross said on Tuesday.";
    const amount = suggestClaims(english, { language: "en" }).find((s) => s.text === "More than 1,200 people");
    expect(amount?.reasons).toEqual(["quantity", "comparison"]);
    const money = suggestClaims("Kerugian negara mencapai Rp 5,3 triliun dalam kasus itu.", { language: "id" });
    expect(money.find((s) => s.text === "mencapai Rp 5,3 triliun")?.reasons).toEqual(["money"]);
  });

  it("extracts an attributed statement: the quotation, and the clause with its speaker", () => {
    const text = "“We have seen more than 2,000 cases this week alone,” said Dr. Maria Lopez, the hospital’s director.";
    const fragments = suggestClaims(text, { language: "en" }).filter((s) => s.kind === "fragment");
    const quote = fragments.find((s) => s.text === "We have seen more than 2,000 cases this week alone");
    expect(quote?.reasons).toEqual(expect.arrayContaining(["quantity", "direct_quote"]));
    expect(fragments.map((s) => s.text)).toContain("“We have seen more than 2,000 cases this week alone,” said Dr. Maria Lopez");

    const subjectless = "Mengetahui kehadiran tentara Korut di Rusia, Ukraina langsung ambil sikap tegas, mendesak tentara Korea Utara yang tiba untuk segera menyerah.";
    expect(suggestClaims(subjectless, { language: "id" }).map((s) => s.text)).toContain(
      "Ukraina langsung ambil sikap tegas, mendesak tentara Korea Utara yang tiba untuk segera menyerah.",
    );
  });

  it("extracts a denial as a fragment, without the lead-in", () => {
    const text = "Menanggapi tudingan itu, Kementerian Luar Negeri membantah laporan pengiriman senjata sebagai hoaks, Selasa (8/10/2024).";
    const denial = suggestClaims(text, { language: "id" }).find((s) => s.kind === "fragment" && s.text.startsWith("Kementerian Luar Negeri membantah"));
    expect(denial?.reasons).toContain("denial");
    const english = "Responding to the claims, the ministry denied reports that the vaccine contains pork, calling the posts \"fake news.\"";
    const fragment = suggestClaims(english, { language: "en" }).find((s) => s.kind === "fragment" && s.text.startsWith("the ministry denied"));
    expect(fragment?.reasons).toContain("denial");
  });

  it("deduplicates fragments: none equals its sentence, one per span, no partial overlaps within a sentence", () => {
    const suggestions = suggestClaims(fixture, { language: "id", minScore: 0 });
    const sentences = suggestions.filter((s) => s.kind === "sentence");
    for (const sentence of sentences) {
      const inside = suggestions.filter((s) => s.kind === "fragment" && s.start >= sentence.start && s.end <= sentence.end);
      const keys = inside.map((s) => `${s.start}:${s.end}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const a of inside) {
        for (const b of inside) {
          const partial = a.start < b.start && b.start < a.end && a.end < b.end;
          expect(partial).toBe(false);
        }
      }
    }
  });

  it("filters by minScore", () => {
    const all = suggestClaims(fixture, { minScore: 0 });
    const strict = suggestClaims(fixture, { minScore: 0.7 });
    expect(strict.length).toBeGreaterThan(0);
    expect(strict.length).toBeLessThan(suggestClaims(fixture).length);
    expect(strict.every((s) => s.score >= 0.7)).toBe(true);
    expect(all.length).toBeGreaterThan(suggestClaims(fixture).length);
    expect(suggestClaims(fixture, { minScore: 1.01 })).toEqual([]);
  });

  it("guesses the language for the cue lexicons", () => {
    expect(detectTextLanguage("Pemerintah mengatakan bahwa harga beras naik.")).toBe("id");
    expect(detectTextLanguage("The government said that rice prices rose.")).toBe("en");
    expect(detectTextLanguage("12345 🚀")).toBe("und");
    expect(detectTextLanguage("")).toBe("und");
    // Undetermined text is scored with both lexicons.
    expect(suggestClaims("Rutte: 10.000 troops, 12 tewas.").length).toBeGreaterThan(0);
  });
});

describe("issue 11: what real news the cues were not tuned on showed missing", () => {
  const hedgedOfficial: Array<[Language, string]> = [
    ["en", "\"We estimate that close to 2,000 families have left the valley,\" a regional official said."],
    ["en", "The central bank said inflation was probably close to its peak."],
    ["en", "Police suspect the fire was started deliberately, a spokesperson for the force said."],
    ["id", "Bank Indonesia menilai inflasi kemungkinan sudah mendekati puncaknya."],
    ["id", "Menurut Kementerian Luar Negeri, perundingan tampaknya macet karena soal pertukaran tahanan."],
    ["id", "\"Tampaknya tanggul jebol setelah hujan deras berhari-hari,\" ujar camat kepada wartawan."],
  ];
  it.each(hedgedOfficial)("a hedge lowers an official's assessment but never hides it (%s): %s", (language, text) => {
    // Lower than the same assertion without the hedge.
    expect(candidate(text, language, ["attribution", "official_source"]).score).toBeLessThan(1);
  });

  // The same hedge from a commentator or the writer still sinks the sentence; from an office it does not.
  const contrasts: Array<[Language, string, string]> = [
    ["en", "Critics argue the plan is too ambitious and poorly thought out.", "The ministry believes the plan is too ambitious, its spokesman said."],
    ["en", "I believe the port is probably closed to foreign ships.", "The port authority said the port was probably closed to foreign ships."],
    [
      "id",
      "Menurut saya, pemerintah seharusnya lebih mendengarkan suara petani sebelum membuat kebijakan impor.",
      "Kementerian Pertanian menyatakan impor beras kemungkinan dihentikan sebelum panen raya.",
    ],
    ["id", "Pengamat menilai langkah tersebut mungkin bisa meredakan ketegangan di kawasan.", "Kementerian Luar Negeri menilai langkah tersebut mungkin meredakan ketegangan."],
  ];
  it.each(contrasts)("the writer's or a commentator's hedged opinion stays out, an office's does not (%s): %s", (language, opinion, official) => {
    expect(suggestClaims(opinion, { language })).toEqual([]);
    expect(sentenceOf(official, language)?.reasons).toEqual(expect.arrayContaining(["attribution", "official_source"]));
  });

  const reportedSpeech: Array<[Language, string]> = [
    ["en", "The ministry said the port remains closed to foreign ships."],
    ["en", "The governor told parliament that the inquiry had found no wrongdoing."],
    ["id", "Kementerian Perhubungan mengatakan pelabuhan itu masih ditutup bagi kapal asing."],
    ["id", "Kepala dinas lingkungan hidup setempat mengatakan sungai itu tercemar limbah pabrik."],
  ];
  it.each(reportedSpeech)("reported speech without a number is a candidate, with its source (%s): %s", (language, text) => {
    candidate(text, language, ["attribution", "official_source"]);
  });

  it("attributes a quotation whose speaker is named in the sentence before or after", () => {
    const cases: Array<[Language, string, string]> = [
      ["en", "The coach confirmed the news after training.\n“Our captain is out for the season.”", "“Our captain is out for the season.”"],
      ["en", "“The port is closed to all foreign ships.” The harbour master told reporters so on Monday.", "“The port is closed to all foreign ships.”"],
      ["id", "\"Semua surat suara dihitung ulang,\" kata anggota KPU daerah. \"Hasilnya tidak berubah.\"", "\"Hasilnya tidak berubah.\""],
    ];
    for (const [language, text, quote] of cases) {
      const suggestions = suggestClaims(text, { language });
      expectValidSuggestions(text, suggestions);
      const sentence = suggestions.find((s) => s.kind === "sentence" && s.text === quote);
      expect(sentence?.reasons, quote).toEqual(expect.arrayContaining(["attribution", "direct_quote"]));
    }
    // Without a speaker nearby, a short quotation alone is not enough.
    expect(suggestClaims("Nobody moved.\n“Our captain is out.”", { language: "en" })).toEqual([]);
  });

  const denials: Array<[Language, string]> = [
    ["en", "The company dismissed the report as speculation."],
    ["en", "Union leaders condemned the ruling as illegal."],
    ["en", "The club disputed the league's account of the transfer."],
    ["id", "Kapolres menepis kabar adanya korban jiwa dalam bentrokan itu."],
    ["id", "Serikat buruh mengecam putusan itu sebagai tindakan ilegal."],
    ["id", "Tidak ada hubungan antara vaksin itu dan kematian pasien, kata Kepala Dinas Kesehatan."],
  ];
  it.each(denials)("a denial or rebuttal without a negation word is a candidate (%s): %s", (language, text) => {
    candidate(text, language, ["denial"]);
  });

  const lawOfficeRecord: Array<[Language, string, "rule" | "record"]> = [
    ["en", "Under the charter, the mayor must resign if convicted.", "rule"],
    ["en", "He became party leader in 2019.", "record"],
    ["en", "The bridge was built with a loan from a development bank.", "record"],
    ["id", "Berdasarkan undang-undang, kepala daerah wajib mundur jika divonis bersalah.", "rule"],
    ["id", "Ia menjabat Ketua Mahkamah Agung sejak 2016.", "record"],
    ["id", "Bendungan itu dibiayai hibah dari Uni Eropa.", "record"],
  ];
  it.each(lawOfficeRecord)("a statement of law, office or record is a candidate (%s): %s", (language, text, reason) => {
    candidate(text, language, [reason]);
  });

  it("reads the Indonesian dateline \"Sabtu (10/3)\" as a date, not an amount", () => {
    const text = "Ketua KPK membenarkan penggeledahan itu, Sabtu (10/3).";
    const suggestions = suggestClaims(text, { language: "id" });
    expect(suggestions.find((s) => s.kind === "sentence")?.reasons).toContain("date");
    expect(suggestions.flatMap((s) => s.reasons)).not.toContain("quantity");
    expect(suggestions.map((s) => s.text)).not.toContain("10/3");
  });

  it("keeps bylines, related links, headings, questions and calls to action out, even with numbers in them", () => {
    const english = [
      "Prices Rose 12 Percent In March",
      "Reporting by Tom Baker in London on 12 March 2024, said the desk",
      "Sign up today and get 50 percent off your first year.",
      "Did the ministry really spend $4 billion on the bridge?",
    ].join("\n");
    const indonesian = [
      "Harga Cabai Naik 20 Persen Jelang Lebaran",
      "Laporan wartawan Tribunnews.com, Andi Pratama, dari Jakarta, Senin (28/10/2024)",
      "Baca juga: Polisi Tangkap 12 Tersangka Penipuan Rp 5 Miliar",
      "Dapatkan diskon 50 persen dengan berlangganan hari ini.",
      "Benarkah kementerian menghabiskan Rp 4 triliun untuk jembatan itu?",
    ].join("\n");
    expect(suggestClaims(english, { language: "en" })).toEqual([]);
    expect(suggestClaims(indonesian, { language: "id" })).toEqual([]);
  });
});

describe("issue 11, second pass: patterns the first pass still missed on the tuning articles", () => {
  // Sentences written for these tests, one pattern each; every one scored below the threshold before this pass.
  const found: Array<[string, Language, string, SuggestionReason]> = [
    // Events told in the plain past tense, with no number and no verb from the event list.
    ["plain past tense", "en", "Rescue teams pulled an elderly man out of the rubble overnight.", "event"],
    ["plain past tense", "en", "The captain hoisted the trophy in front of the travelling fans.", "event"],
    ["plain past tense", "en", "Workers reopened the coastal road after clearing the landslide.", "event"],
    ["plain past tense", "id", "Relawan sempat mengangkat seorang lansia dari reruntuhan rumahnya.", "event"],
    ["plain past tense", "id", "Warga telah membersihkan lumpur dari halaman sekolah desa itu.", "event"],
    // Scheduled events: the future tense with a calendar date is a timetable, not a forecast.
    ["schedule", "en", "The new parliament will hold its first session in January.", "date"],
    ["schedule", "en", "The league season will end next Thursday with the cup final.", "date"],
    ["schedule", "en", "The ferry has been scheduled to sail after refuelling at the port.", "event"],
    ["schedule", "id", "Sidang perdana kasus itu akan digelar pada Kamis pekan depan.", "date"],
    ["schedule", "id", "Kapal itu dijadwalkan berlayar setelah mengisi bahan bakar di pelabuhan.", "event"],
    // Legal exposure and proceedings: what someone faces is a matter of law, even with "could".
    ["legal exposure", "en", "The former treasurer was facing life in prison.", "rule"],
    ["legal exposure", "en", "He could have faced decades in jail for the thefts.", "rule"],
    ["legal exposure", "en", "Both managers face separate trials on charges of fraud.", "rule"],
    ["legal exposure", "en", "The driver will remain free on bail pending an appeal.", "rule"],
    ["legal exposure", "id", "Bendahara itu terancam hukuman penjara seumur hidup.", "rule"],
    ["legal exposure", "id", "Kedua manajer itu kini menghadapi dakwaan penipuan di pengadilan.", "rule"],
    // Reported speech with verbs of hinting and promising; sports officials as speakers.
    ["reported speech", "en", "The coach hinted that the title race was over for his side.", "attribution"],
    ["reported speech", "en", "Police did not rule out a further rise in the number of victims.", "attribution"],
    ["reported speech", "id", "Pelatih tim tamu mengisyaratkan bahwa perebutan gelar sudah berakhir.", "attribution"],
    // Indonesian passive verbs ("di-") and statements of identity ("adalah", "merupakan").
    ["passive verb", "id", "Sampel air sungai itu dianalisis di laboratorium provinsi.", "event"],
    ["passive verb", "id", "Spesimen pembanding dikoleksi dari pulau-pulau di kawasan timur.", "event"],
    ["identity", "id", "Pengemudi truk itu adalah warga desa sebelah.", "record"],
    ["identity", "id", "Penyakit itu merupakan infeksi yang ditularkan lewat gigitan nyamuk.", "record"],
  ];
  it.each(found)("%s (%s): %s", (_pattern, language, text, reason) => {
    candidate(text, language, [reason]);
  });

  // The same tenses and words where nothing checkable is asserted stay out.
  const out: Array<[Language, string]> = [
    ["en", "Who will lift the trophy next Thursday?"],
    ["en", "I hope the final will be played in a full stadium in January."],
    ["en", "Sign up before Thursday and we will send you the match report."],
    ["en", "I think he should have faced the music long ago."],
    ["id", "Siapa yang akan mengangkat trofi pada Kamis nanti?"],
    ["id", "Menurut saya, sidang itu seharusnya digelar pada Januari."],
    ["en", "She paused, smiled and waved to the crowd."],
    ["en", "If they win on Thursday, they deserve to be champions."],
    ["id", "Keputusan itu berani dan layak didukung."],
    ["id", "Suasana di balai desa terasa hangat dan penuh kekeluargaan."],
  ];
  it.each(out)("keeps out (%s): %s", (language, text) => {
    expect(suggestClaims(text, { language })).toEqual([]);
  });
});

describe("issue 11, third pass: recall first on the tuning articles", () => {
  // Written for these tests. A plain statement that names someone or something, with no cue at all, was never a
  // candidate; now it is, as a "statement", ranked below any sentence with a cue.
  const statements: Array<[Language, string]> = [
    ["en", "The Danube flows through Vienna and Budapest on its way to the Black Sea."],
    ["en", "Bangladesh and Myanmar share a long river border in the south."],
    ["id", "Tim BNN mengendus jalur penyelundupan lewat pelabuhan kecil di Sumatra."],
    ["id", "Sementara itu, harga bawang di Pasar Kramat Jati terpantau normal."],
  ];
  it.each(statements)("a plain statement naming someone (%s): %s", (language, text) => {
    expect(candidate(text, language, ["statement"], { exactly: true }).score).toBeLessThan(0.45);
  });

  // The same shape without a name — scene painting, musing — stays out, as does an attributed opinion.
  const out: Array<[Language, string]> = [
    ["en", "He poured a cup of tea and sat down by the window."],
    ["en", "Critics argue the plan is too ambitious and poorly thought out."],
    ["id", "Anak-anak bermain layang-layang di pematang sawah sampai petang."],
    ["id", "Kita hanya bisa mengagumi kesabaran warga kampung itu."],
  ];
  it.each(out)("keeps out (%s): %s", (language, text) => {
    expect(sentenceOf(text, language)).toBeUndefined();
  });

  it("keeps an attributed assertion of something checkable over the threshold whoever is speaking, however hedged", () => {
    for (const [language, text] of [
      ["en", "A shopkeeper said it was likely the fire started in the kitchen."],
      ["en", "Among those still missing, he said it was possible some might have gone abroad."],
      ["id", "Seorang saksi mengatakan pelaku kemungkinan sudah kabur ke luar kota."],
      ["id", "Rencananya, kayu itu diduga hendak dikirim ke Surabaya, kata seorang sopir."],
    ] as const) {
      candidate(text, language, ["attribution", "event"], { exactly: true });
    }
  });
});

describe("large and hostile input", () => {
  const paragraphs = fixture.split("\n").filter(Boolean);
  const thousand = Array.from({ length: 1000 }, (_, i) => paragraphs[i % paragraphs.length]!.replace(/\d+/g, (n) => String(Number(n) + i))).join("\n");

  it("handles 1,000 paragraphs in linear time", () => {
    suggestClaims(thousand);
    const started = performance.now();
    const suggestions = suggestClaims(thousand);
    const elapsed = performance.now() - started;
    expect(suggestions.length).toBeGreaterThan(1000);
    expectValidSuggestions(thousand, suggestions);
    expect(elapsed).toBeLessThan(2000); // about 100 ms on a laptop; generous for slow CI
  });

  it("does not blow up on text without spaces or punctuation, unclosed quotes or endless abbreviations", () => {
    const hostile = [
      "a".repeat(200_000),
      "1".repeat(100_000),
      "\"".repeat(50_000) + " “".repeat(20_000),
      "Dr. ".repeat(30_000),
      "a. ".repeat(50_000),
      "10.000.000,5".repeat(10_000),
      "“Kami ".repeat(20_000),
      "Rp".repeat(50_000) + " persen ".repeat(10_000),
      "U.S.".repeat(40_000),
      "🚀".repeat(100_000),
    ];
    for (const text of hostile) {
      const started = performance.now();
      const suggestions = suggestClaims(text, { minScore: 0 });
      expect(performance.now() - started).toBeLessThan(3000);
      expectValidSuggestions(text, suggestions);
      for (const span of segmentSentences(text, "id")) expect(span.end - span.start).toBeLessThanOrEqual(4000);
    }
  });
});
