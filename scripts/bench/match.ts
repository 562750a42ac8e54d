// "Checked before?" at scale, a section of `npm run bench`; also runs on its own: `npx tsx scripts/bench/match.ts
// [reviews] [queries]`.
//
// In a throwaway database `factdesk_bench_match_<pid>` on the local PostgreSQL (BENCH_PG_ADMIN_URL, default
// postgresql://root@127.0.0.1:5432/postgres), migrated then dropped, it loads 100,000 invented ClaimReviews in both
// languages (templates × people × places × institutions × numbers × years), in bulk: multi-row INSERTs through `pg`,
// `terms` computed with matchTerms as upsertKnownFactChecks does, the triggers filling the full-text vector, the
// postings and the term counts; then VACUUM (ANALYZE), as autovacuum would after such a bulk insert (statistics; the
// visibility map that lets the postings be read by index-only scans). The archive is deliberately repetitive (12
// templates per language, 600 people, 40 places, 10 bodies, 15 goods, ~400 figures, 12 years, fixed seed): few terms
// are rare, which is the hard case for candidate selection by rare terms (a real archive's names and places are far
// more varied). Then, one query after another, it times matchClaim (app/matching/match.server.ts) for ~300 claims —
// stored reviews reworded (other words, numbers written another way) and claims about something else — beside a bare
// baseline measured in the same run on the same table: as many round trips of a lookup by URL (its unique index)
// through the same Prisma client. Reports p50/p95/max and the ratio to the baseline. Target: matchClaim p95 < 30 ms.
// Timings are printed, never asserted.
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import pg from "pg";
import type { Language } from "../../app/claims/types.ts";
import { matchTerms } from "../../app/matching/terms.ts";
import { adminQuery, defaultAdminUrl } from "../throwaway-database.ts";
import { formatTable, type Column } from "./table.ts";

export type MatchBenchRow = { name: string; runs: number; p50: number; p95: number; max: number; ratio: number; found?: string };
export type MatchBench = { reviews: number; loadSeconds: number; rows: MatchBenchRow[] };

const targetP95Ms = 30;

// ── An invented archive ────────────────────────────────────────────────────────────────────────────────────
// Each topic has a stored wording and a rewording of the same claim (other words, the number written another
// way): the stored one fills the archive, the rewording is a query that should find it.
type Slots = { person: string; place: string; org: string; n: number; year: number; thing: string };
type Topic = { stored: (s: Slots) => string; reworded: (s: Slots) => string };

const idNumber = (n: number) => n.toLocaleString("id-ID");
const idWords = (n: number) => (n % 1000 === 0 && n >= 1000 ? `${n / 1000} ribu` : n % 100 === 0 && n >= 100 ? `${n / 100} ratus` : String(n));
const enNumber = (n: number) => n.toLocaleString("en-US");
const enWords = (n: number) => (n % 1000 === 0 && n >= 1000 ? `${n / 1000} thousand` : n % 100 === 0 && n >= 100 ? `${n / 100} hundred` : String(n));

const topics: Record<Language, Topic[]> = {
  id: [
    { stored: (s) => `${s.person} menyebut ${idNumber(s.n)} warga ${s.place} menerima bantuan tunai pada ${s.year}`, reworded: (s) => `Bantuan tunai diterima ${idWords(s.n)} warga di ${s.place} tahun ${s.year}, kata ${s.person}` },
    { stored: (s) => `${s.org} mencatat ${idNumber(s.n)} rumah rusak akibat banjir di ${s.place}`, reworded: (s) => `Banjir merusak ${idWords(s.n)} rumah di ${s.place} menurut ${s.org}` },
    { stored: (s) => `Harga ${s.thing} di ${s.place} naik ${s.n % 90 + 5} persen sepanjang ${s.year}`, reworded: (s) => `Sepanjang ${s.year} harga ${s.thing} naik ${s.n % 90 + 5}% di ${s.place}` },
    { stored: (s) => `${s.person} mengklaim ${s.org} membangun ${idNumber(s.n)} sekolah baru di ${s.place}`, reworded: (s) => `${s.org} disebut telah membangun ${idWords(s.n)} sekolah di ${s.place}, klaim ${s.person}` },
    { stored: (s) => `Video ${s.person} membagikan ${s.thing} gratis di ${s.place} beredar di media sosial`, reworded: (s) => `Beredar video ${s.person} bagi-bagi ${s.thing} gratis kepada warga ${s.place}` },
    { stored: (s) => `${s.org} melarang penjualan ${s.thing} di ${s.place} mulai ${s.year}`, reworded: (s) => `Mulai ${s.year} ${s.thing} dilarang dijual di ${s.place} oleh ${s.org}` },
    { stored: (s) => `Sebanyak ${idNumber(s.n)} pekerja ${s.place} terkena PHK pada ${s.year} kata ${s.person}`, reworded: (s) => `${s.person}: ${idWords(s.n)} pekerja di ${s.place} di-PHK tahun ${s.year}` },
    { stored: (s) => `${s.person} meninggal dunia di ${s.place} setelah menerima vaksin ${s.thing}`, reworded: (s) => `Kabar ${s.person} wafat di ${s.place} usai divaksin ${s.thing}` },
    { stored: (s) => `Anggaran ${s.org} untuk ${s.thing} mencapai Rp ${idNumber(s.n)} miliar pada ${s.year}`, reworded: (s) => `Pada ${s.year} ${s.org} menganggarkan Rp ${idWords(s.n)} miliar bagi ${s.thing}` },
    { stored: (s) => `Gempa berkekuatan ${(s.n % 40) / 10 + 4} magnitudo akan mengguncang ${s.place} menurut ${s.org}`, reworded: (s) => `${s.org} memprediksi gempa ${(s.n % 40) / 10 + 4} SR melanda ${s.place}` },
    { stored: (s) => `${s.person} ditangkap polisi ${s.place} karena menimbun ${idNumber(s.n)} ton ${s.thing}`, reworded: (s) => `Polisi ${s.place} menangkap ${s.person} yang menimbun ${idWords(s.n)} ton ${s.thing}` },
    { stored: (s) => `Jalan tol ${s.place} sepanjang ${s.n % 300 + 10} kilometer diresmikan ${s.person} tahun ${s.year}`, reworded: (s) => `Tahun ${s.year} ${s.person} meresmikan tol ${s.n % 300 + 10} km di ${s.place}` },
  ],
  en: [
    { stored: (s) => `${s.person} said ${enNumber(s.n)} families in ${s.place} received cash aid in ${s.year}`, reworded: (s) => `Cash aid went to ${enWords(s.n)} families in ${s.place} in ${s.year}, according to ${s.person}` },
    { stored: (s) => `The ${s.org} recorded ${enNumber(s.n)} homes destroyed by floods in ${s.place}`, reworded: (s) => `Floods destroyed ${enWords(s.n)} houses in ${s.place}, the ${s.org} says` },
    { stored: (s) => `The price of ${s.thing} in ${s.place} rose ${s.n % 90 + 5} percent during ${s.year}`, reworded: (s) => `During ${s.year} ${s.thing} prices in ${s.place} went up ${s.n % 90 + 5}%` },
    { stored: (s) => `${s.person} claimed the ${s.org} built ${enNumber(s.n)} new schools in ${s.place}`, reworded: (s) => `The ${s.org} has built ${enWords(s.n)} schools in ${s.place}, ${s.person} claims` },
    { stored: (s) => `A video shows ${s.person} handing out free ${s.thing} in ${s.place}`, reworded: (s) => `Video of ${s.person} giving away free ${s.thing} to people in ${s.place} circulates online` },
    { stored: (s) => `The ${s.org} banned the sale of ${s.thing} in ${s.place} from ${s.year}`, reworded: (s) => `From ${s.year} selling ${s.thing} is banned in ${s.place} by the ${s.org}` },
    { stored: (s) => `${enNumber(s.n)} workers in ${s.place} lost their jobs in ${s.year}, ${s.person} said`, reworded: (s) => `${s.person}: ${enWords(s.n)} ${s.place} workers were laid off in ${s.year}` },
    { stored: (s) => `${s.person} died in ${s.place} after receiving the ${s.thing} vaccine`, reworded: (s) => `Reports say ${s.person} died in ${s.place} after a ${s.thing} vaccination` },
    { stored: (s) => `The ${s.org} budget for ${s.thing} reached ${enNumber(s.n)} million dollars in ${s.year}`, reworded: (s) => `In ${s.year} the ${s.org} spent ${enWords(s.n)} million dollars on ${s.thing}` },
    { stored: (s) => `A magnitude ${(s.n % 40) / 10 + 4} earthquake will hit ${s.place}, the ${s.org} warned`, reworded: (s) => `The ${s.org} predicts a ${(s.n % 40) / 10 + 4} magnitude quake striking ${s.place}` },
    { stored: (s) => `Police in ${s.place} arrested ${s.person} for hoarding ${enNumber(s.n)} tonnes of ${s.thing}`, reworded: (s) => `${s.person} arrested by ${s.place} police over ${enWords(s.n)} tonnes of hoarded ${s.thing}` },
    { stored: (s) => `${s.person} opened a ${s.n % 300 + 10} kilometre toll road in ${s.place} in ${s.year}`, reworded: (s) => `In ${s.year} ${s.person} inaugurated a ${s.n % 300 + 10} km toll road in ${s.place}` },
  ],
};

/** Claims about something else: none of the archive's topics. */
const unrelated: Record<Language, ((s: Slots) => string)[]> = {
  id: [
    (s) => `Tim sepak bola ${s.place} menjuarai liga amatir setelah menang adu penalti melawan tim tamu`,
    (s) => `Festival layang-layang di ${s.place} diikuti peserta dari berbagai negara tahun ini`,
    (s) => `Ilmuwan menemukan spesies katak bercahaya di hutan ${s.place}`,
    (s) => `Minum air kelapa setiap pagi disebut menyembuhkan diabetes dalam seminggu`,
    (s) => `Kereta cepat akan berhenti beroperasi karena rel dicuri di dekat ${s.place}`,
  ],
  en: [
    (s) => `The ${s.place} football team won the amateur league after a penalty shootout`,
    (s) => `Scientists discovered a glowing frog species in the forests near ${s.place}`,
    (s) => `Drinking coconut water every morning cures diabetes within a week`,
    (s) => `A kite festival in ${s.place} drew participants from dozens of countries this year`,
    (s) => `The high-speed train will stop running because rails were stolen near ${s.place}`,
  ],
};

const firstNames = ["Ahmad", "Budi", "Citra", "Dewi", "Eko", "Fajar", "Gita", "Hendra", "Indah", "Joko", "Kartika", "Lestari", "Made", "Nur", "Oki", "Putri", "Rudi", "Sari", "Teguh", "Utami", "Wahyu", "Yanti", "Zainal", "Agus", "Bayu", "Dian", "Farid", "Hadi", "Irawan", "Rini"];
const lastNames = ["Santoso", "Wijaya", "Pratama", "Siregar", "Nasution", "Hakim", "Saputra", "Gunawan", "Halim", "Sitompul", "Kurniawan", "Hidayat", "Lubis", "Harahap", "Setiawan", "Suryadi", "Tanjung", "Wibowo", "Rahman", "Marpaung"];
const places = ["Bekasi", "Bogor", "Depok", "Tangerang", "Bandung", "Cirebon", "Tegal", "Semarang", "Solo", "Yogyakarta", "Malang", "Surabaya", "Jember", "Denpasar", "Mataram", "Kupang", "Makassar", "Manado", "Palu", "Kendari", "Ambon", "Jayapura", "Sorong", "Pontianak", "Banjarmasin", "Samarinda", "Balikpapan", "Palangkaraya", "Medan", "Padang", "Pekanbaru", "Jambi", "Palembang", "Bengkulu", "Lampung", "Serang", "Garut", "Tasikmalaya", "Kudus", "Madiun"];
const orgs = { id: ["Kementerian Sosial", "BPBD", "Pemerintah Provinsi", "Dinas Kesehatan", "BMKG", "Kementerian Pendidikan", "Bank Indonesia", "Polda", "DPRD", "Kementerian Pertanian"], en: ["Social Affairs Ministry", "disaster agency", "provincial government", "health office", "weather agency", "Education Ministry", "central bank", "regional police", "local parliament", "Agriculture Ministry"] };
const things = { id: ["beras", "minyak goreng", "gula", "cabai", "bawang merah", "daging sapi", "telur", "susu", "pupuk", "solar", "elpiji", "obat batuk", "masker", "kedelai", "garam"], en: ["rice", "cooking oil", "sugar", "chilli", "shallots", "beef", "eggs", "milk", "fertiliser", "diesel", "cooking gas", "cough syrup", "face masks", "soybeans", "salt"] };
const publishers = ["Cek Tetangga", "Periksa Fakta Nusantara", "Fact Desk Timur", "Saring Hoaks"];
const ratings = { id: ["Salah", "Hoaks", "Menyesatkan", "Sebagian benar", "Benar"], en: ["False", "Misleading", "Partly false", "Missing context", "True"] };

/** A small seeded generator: the same archive and queries on every run. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return { next, pick };
}

type Review = { url: string; claimReviewed: string; language: Language; publisher: string; rating: string; datePublished: string; topic: number; slots: Slots };

export function inventArchive(count: number): Review[] {
  const { next, pick } = generator(20261130);
  const reviews: Review[] = [];
  for (let i = 0; i < count; i++) {
    const language: Language = i % 5 < 3 ? "id" : "en";
    const topic = Math.floor(next() * topics[language].length);
    const slots: Slots = {
      person: `${pick(firstNames)} ${pick(lastNames)}`,
      place: pick(places),
      org: pick(orgs[language]),
      n: (1 + Math.floor(next() * 99)) * pick([1, 10, 100, 1000]),
      year: 2015 + Math.floor(next() * 12),
      thing: pick(things[language]),
    };
    const month = String(1 + Math.floor(next() * 12)).padStart(2, "0");
    const day = String(1 + Math.floor(next() * 28)).padStart(2, "0");
    reviews.push({
      url: `https://bench.example/cek/${i}`,
      claimReviewed: topics[language][topic]!.stored(slots),
      language,
      publisher: pick(publishers),
      rating: pick(ratings[language]),
      datePublished: `${slots.year}-${month}-${day}`,
      topic,
      slots,
    });
  }
  return reviews;
}

type BenchQuery = { text: string; language: Language; expected: string | null };

export function inventQueries(archive: Review[], count: number): BenchQuery[] {
  const { next, pick } = generator(7);
  const queries: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      const review = archive[Math.floor(next() * archive.length)]!;
      queries.push({ text: topics[review.language][review.topic]!.reworded(review.slots), language: review.language, expected: review.url });
    } else {
      const language: Language = i % 4 === 1 ? "id" : "en";
      queries.push({ text: pick(unrelated[language])({ person: "", place: pick(places), org: "", n: 0, year: 0, thing: "" }), language, expected: null });
    }
  }
  return queries;
}

// ── Loading and timing ─────────────────────────────────────────────────────────────────────────────────────

export async function loadArchive(client: pg.Client, archive: Review[]) {
  const perStatement = 1000;
  const now = new Date();
  for (let start = 0; start < archive.length; start += perStatement) {
    const batch = archive.slice(start, start + perStatement);
    const values: unknown[] = [];
    const rows = batch.map((review, index) => {
      const base = index * 10;
      values.push(randomUUID(), review.url, review.claimReviewed, review.language, review.publisher, review.rating, review.datePublished, "FEED", matchTerms(review.claimReviewed, review.language).join(" "), now);
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}, $${base + 7}::date, $${base + 8}::"KnownFactCheckSource", $${base + 9}, $${base + 10})`;
    });
    await client.query(
      `INSERT INTO "KnownFactCheck" (id, url, "claimReviewed", language, publisher, rating, "datePublished", source, terms, "updatedAt") VALUES ${rows.join(", ")}`,
      values,
    );
  }
  // What autovacuum does after a bulk insert (statistics, and the visibility map that lets the postings be read by
  // index-only scans), done now rather than whenever its next round comes.
  await client.query(`VACUUM (ANALYZE) "KnownFactCheck"`);
  await client.query(`VACUUM (ANALYZE) "KnownFactCheckTerm"`);
  await client.query(`VACUUM (ANALYZE) "KnownFactCheckTermCount"`);
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(runs: number, work: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1]! };
}

/** Loads the invented archive into a throwaway database, times matchClaim beside the baseline, prints a table. */
export async function benchMatch(log: (line: string) => void = console.log, options: { reviews?: number; queries?: number } = {}): Promise<MatchBench> {
  const reviewCount = options.reviews ?? 100_000;
  const queryCount = options.queries ?? 300;
  const adminUrl = process.env.BENCH_PG_ADMIN_URL || defaultAdminUrl;
  const name = `factdesk_bench_match_${process.pid}`;
  const admin = (sql: string) => adminQuery(adminUrl, sql);
  try {
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin(`CREATE DATABASE "${name}"`);
  } catch (error) {
    log(`"Checked before?" matching skipped: no local PostgreSQL (${error instanceof Error ? error.message : String(error)}).`);
    return { reviews: 0, loadSeconds: 0, rows: [] };
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const previousUrl = process.env.DATABASE_URL;
  const { reloadServerEnv } = await import("../../app/utils/env.server.ts");
  const { disconnectDatabase, prisma } = await import("../../app/db/client.server.ts");
  try {
    const { applyMigrations } = await import("../../app/db/migrate.server.ts");
    await applyMigrations(url.href, { log: () => {} });
    const archive = inventArchive(reviewCount);
    const queries = inventQueries(archive, queryCount);
    const loading = Date.now();
    const client = new pg.Client({ connectionString: url.href });
    await client.connect();
    try {
      await loadArchive(client, archive);
    } finally {
      await client.end().catch(() => {});
    }
    const loadSeconds = (Date.now() - loading) / 1000;
    log(`"Checked before?" matching: ${reviewCount.toLocaleString("en")} invented ClaimReviews loaded in ${loadSeconds.toFixed(1)} s; ${queries.length} queries (${queries.filter((q) => q.expected).length} reworded repeats, ${queries.filter((q) => !q.expected).length} unrelated), one at a time`);

    process.env.DATABASE_URL = url.href;
    reloadServerEnv();
    const { matchClaim } = await import("../../app/matching/match.server.ts");
    const urls = archive.map((review) => review.url);
    // Warm-up (connection pool, plans, caches), not recorded.
    for (let i = 0; i < 30; i++) {
      await matchClaim(queries[i % queries.length]!.text, { language: queries[i % queries.length]!.language });
      await prisma.knownFactCheck.findUnique({ where: { url: urls[(i * 7919) % urls.length]! }, select: { id: true } });
    }
    const baseline = await time(queries.length, (i) => prisma.knownFactCheck.findUnique({ where: { url: urls[(i * 7919) % urls.length]! }, select: { id: true, url: true } }));
    let topHits = 0;
    let falseTop = 0;
    const match = await time(queries.length, async (i) => {
      const query = queries[i]!;
      const [top] = await matchClaim(query.text, { language: query.language, limit: 5 });
      if (query.expected && top?.url === query.expected) topHits++;
      if (!query.expected && top && top.score >= 0.45) falseTop++;
    });
    const repeats = queries.filter((q) => q.expected).length;
    const rows: MatchBenchRow[] = [
      { name: "baseline: lookup by URL", runs: queries.length, ...baseline, ratio: 1 },
      {
        name: "matchClaim (limit 5)",
        runs: queries.length,
        ...match,
        ratio: match.p95 / baseline.p95,
        found: `${topHits}/${repeats} repeats top; ${falseTop}/${queries.length - repeats} unrelated ≥ 0.45`,
      },
    ];
    const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);
    const columns: Column<MatchBenchRow>[] = [
      { header: "query", align: "left", value: (row) => row.name },
      { header: "runs", value: (row) => String(row.runs) },
      { header: "p50 ms", value: (row) => ms(row.p50) },
      { header: "p95 ms", value: (row) => ms(row.p95) },
      { header: "max ms", value: (row) => ms(row.max) },
      { header: "p95 × baseline", value: (row) => `${row.ratio.toFixed(1)}×` },
      { header: "found", align: "left", value: (row) => row.found ?? "" },
    ];
    log(formatTable(columns, rows));
    log(`matchClaim p95 target < ${targetP95Ms} ms: ${match.p95 < targetP95Ms ? "ok" : "MISSED"} (${ms(match.p95)} ms, ${(match.p95 / baseline.p95).toFixed(1)}× the URL lookup's p95)`);
    return { reviews: reviewCount, loadSeconds, rows };
  } finally {
    await disconnectDatabase();
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
    reloadServerEnv();
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [reviews, queries] = process.argv.slice(2).map(Number);
  await benchMatch(console.log, { reviews: reviews || undefined, queries: queries || undefined });
}
