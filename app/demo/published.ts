/** The web address of the demo's published fact-check (the sample article): the bench and tests open it. */
export const sampleFactCheckSlug = "korea-utara-kirim-10000-tentara-ke-kursk";
