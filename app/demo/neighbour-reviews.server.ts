// The demo's neighbour: "Cek Tetangga", a fictional fact-checker whose ClaimReviews (claim-reviews/neighbour.json, a
// DataFeed of 55) are imported as an uploaded FILE source through the same importer as the admin page's upload, so
// a newcomer sees "checked before" matches on the demo articles at once.
import { readFileSync } from "node:fs";
import path from "node:path";
import { importFileSource } from "~/matching/feeds/claim-review-sources.server";
import { actAs } from "./actors.server";

export const neighbourName = "Cek Tetangga";
const file = path.join(import.meta.dirname, "claim-reviews", "neighbour.json");

export async function seedNeighbourReviews() {
  const admin = await actAs("admin@example.org");
  return importFileSource(admin, {
    name: neighbourName,
    file: { name: path.basename(file), type: "application/json", bytes: new Uint8Array(readFileSync(file)) },
  });
}
