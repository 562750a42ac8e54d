// The sample article taken all the way: its five claims researched by two reviewers with sources,
// verdicts proposed with rationales, approved by another editor, and the fact-check published — so a
// newcomer sees the finished product on first start. Built through the same domain functions as the desk.
import { prisma } from "~/db/client.server";
import { publishFactCheck } from "~/publishing/publication.server";
import { assignClaims } from "~/review/assignments.server";
import { approveVerdict, proposeVerdict } from "~/review/verdicts.server";
import { activeScale } from "~/rating-scale/rating-scale.server";
import { addSource, type NewSource } from "~/sources/sources.server";
import { claimVersion, actAs } from "./actors.server";
import { sampleFactCheckSlug } from "./published";

type Research = { rating: string; rationale: string; sources: Omit<NewSource, "claimId">[] };

// In the order of the claims in the article (sample-article.server.ts).
const research: Research[] = [
  {
    rating: "Partly true",
    rationale:
      "Pentagon menyatakan pada 28 Oktober 2024 bahwa **sekitar 10.000** tentara Korea Utara dikirim ke Rusia untuk berlatih di wilayah timur Rusia, dan *sebagian* di antaranya bergerak mendekati Ukraina. Angka 10.000 adalah jumlah yang dikirim ke Rusia, bukan jumlah yang sudah tiba di Kursk.",
    sources: [
      {
        url: "https://www.defense.gov/News/Transcripts/",
        title: "Transkrip jumpa pers Pentagon, 28 Oktober 2024",
        publisher: "U.S. Department of Defense",
        kind: "OFFICIAL_STATEMENT",
        stance: "CONTEXT",
      },
      {
        url: "https://www.nato.int/cps/en/natohq/news.htm",
        title: "Pernyataan Sekjen NATO tentang pasukan Korea Utara di Rusia",
        publisher: "NATO",
        kind: "OFFICIAL_STATEMENT",
        stance: "SUPPORTS",
      },
    ],
  },
  {
    rating: "True",
    rationale:
      "Dalam jumpa pers di Brussel pada Senin, 28 Oktober 2024, Mark Rutte menyatakan dapat mengonfirmasi bahwa pasukan Korea Utara telah dikirim ke Rusia dan unit militernya dikerahkan ke wilayah Kursk.",
    sources: [
      {
        url: "https://www.nato.int/cps/en/natohq/news.htm",
        title: "Press statement by NATO Secretary General Mark Rutte, 28 October 2024",
        publisher: "NATO",
        kind: "OFFICIAL_STATEMENT",
        stance: "SUPPORTS",
      },
    ],
  },
  {
    rating: "True",
    rationale:
      "Juru bicara Kremlin Dmitry Peskov menyebut laporan tentang pasukan Korea Utara di Rusia sebagai berita palsu. Penilaian ini menyangkut **apa yang dikatakan Kremlin**, bukan kebenaran bantahannya.",
    sources: [
      {
        url: "https://tass.com/politics",
        title: "Peskov mengomentari laporan pasukan Korea Utara",
        publisher: "TASS",
        kind: "MEDIA_REPORT",
        stance: "SUPPORTS",
      },
    ],
  },
  {
    rating: "True",
    rationale:
      "Putin dan Kim Jong Un menandatangani Perjanjian Kemitraan Strategis Komprehensif di Pyongyang pada 19 Juni 2024. Pasal 4 perjanjian itu mewajibkan bantuan militer bila salah satu pihak diserang.",
    sources: [
      {
        url: "http://en.kremlin.ru/events/president/news",
        title: "Perjanjian Kemitraan Strategis Komprehensif Rusia–Korea Utara",
        publisher: "Kremlin",
        kind: "OFFICIAL_DOCUMENT",
        stance: "SUPPORTS",
      },
    ],
  },
  {
    rating: "True",
    rationale:
      "Direktorat Intelijen Pertahanan Ukraina (HUR) mengunggah pesan berbahasa Korea di kanal Telegram resminya yang mengajak tentara Korea Utara menyerah, dengan kalimat “Jangan mati tanpa alasan di tanah asing”.",
    sources: [
      {
        url: "https://t.me/s/DIUkraine",
        title: "Kanal Telegram Direktorat Intelijen Pertahanan Ukraina",
        publisher: "HUR MO Ukraina",
        kind: "SOCIAL_MEDIA_POST",
        stance: "SUPPORTS",
      },
    ],
  },
];

export async function publishSampleFactCheck(articleId: string) {
  if (await prisma.factCheck.findUnique({ where: { articleId }, select: { id: true } })) return;
  const [editor, editor2, reviewer, reviewer2] = await Promise.all(
    ["editor@example.org", "editor2@example.org", "reviewer@example.org", "reviewer2@example.org"].map(actAs),
  );
  const claims = await prisma.claim.findMany({ where: { articleId, deletedAt: null }, orderBy: { start: "asc" }, select: { id: true } });
  if (claims.length !== research.length)
    throw new Error(`The sample article has ${claims.length} claims; the demo research covers ${research.length}.`);
  const labels = (await activeScale())!.labels;
  const ratingId = (labelEn: string) => labels.find((label) => label.labelEn === labelEn)!.id;

  const reviewerOf = (index: number) => (index < 3 ? reviewer! : reviewer2!);
  await assignClaims(editor!, {
    claimIds: claims.slice(0, 3).map((c) => c.id),
    reviewerId: reviewer!.id,
    dueAt: null,
    note: "Cek angka dan siapa yang mengatakannya.",
  });
  await assignClaims(editor!, { claimIds: claims.slice(3).map((c) => c.id), reviewerId: reviewer2!.id, dueAt: null, note: null });
  for (const [index, claim] of claims.entries()) {
    const work = research[index]!;
    for (const source of work.sources) await addSource(reviewerOf(index), { ...source, claimId: claim.id });
    await proposeVerdict(reviewerOf(index), {
      claimId: claim.id,
      claimVersion: await claimVersion(claim.id),
      ratingId: ratingId(work.rating),
      rationale: work.rationale,
    });
    await approveVerdict(editor2!, { claimId: claim.id, claimVersion: await claimVersion(claim.id) });
  }
  await publishFactCheck(editor!, {
    articleId,
    slug: sampleFactCheckSlug,
    headline: "Cek Fakta: Benarkah 10.000 Tentara Korea Utara Sudah Tiba di Kursk?",
    summary:
      "NATO mengonfirmasi unit militer Korea Utara dikerahkan ke Kursk, dan Kremlin memang menyebut laporannya berita palsu. Namun angka 10.000 adalah jumlah tentara yang dikirim ke Rusia, bukan yang sudah berada di Kursk.",
    methodology:
      "Kami memecah artikel Tribunnews menjadi lima klaim yang dapat diperiksa, lalu mencocokkan setiap klaim dengan pernyataan resmi NATO, Pentagon, Kremlin, dan Direktorat Intelijen Pertahanan Ukraina.\n\nSetiap penilaian diusulkan oleh pemeriksa fakta dan disetujui oleh editor lain. Sumber diarsipkan saat ditambahkan.",
  });
}
