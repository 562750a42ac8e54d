import { defineConfig } from "prisma/config";

// Prisma 7 keeps the connection URL out of schema.prisma. The CLI is used only for `generate`;
// migrations go through our own runner (app/db/migrate.server.ts), see docs/decisions/0003.
export default defineConfig({
  schema: "prisma/schema.prisma",
});
