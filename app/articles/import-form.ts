// The import page's three forms (routes/articles.new.tsx), shared by the browser and the action that takes
// them: their shape only. What makes an article importable (a headline, some text, an address Factdesk may
// fetch, a file it can read, the sizes) is the import's to say, as an ImportError with its own code and values
// (422), so no field is checked here beyond being text or a file (a text where the file belongs is read as no file).
import { z } from "zod";

const text = z.string().optional();

export const ImportFromUrl = z.object({ intent: z.literal("url"), url: text });
export const ImportFromFile = z.object({ intent: z.literal("file"), file: z.union([z.instanceof(File), z.string()]).optional() });
export const ImportPasted = z.object({
  intent: z.literal("paste"),
  title: text,
  body: text,
  outlet: text,
  author: text,
  publishedAt: text,
  originalUrl: text,
});

export const ImportAction = z.discriminatedUnion("intent", [ImportFromUrl, ImportFromFile, ImportPasted]);
