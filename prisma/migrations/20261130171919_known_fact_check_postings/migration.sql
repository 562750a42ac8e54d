-- CreateTable
CREATE TABLE "KnownFactCheckTerm" (
    "language" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "knownFactCheckId" TEXT NOT NULL,

    CONSTRAINT "KnownFactCheckTerm_pkey" PRIMARY KEY ("language","term","knownFactCheckId")
);

-- CreateTable
CREATE TABLE "KnownFactCheckTermCount" (
    "language" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "reviews" INTEGER NOT NULL,

    CONSTRAINT "KnownFactCheckTermCount_pkey" PRIMARY KEY ("language","term")
);

-- CreateIndex
CREATE INDEX "KnownFactCheckTerm_knownFactCheckId_idx" ON "KnownFactCheckTerm"("knownFactCheckId");

-- AddForeignKey
ALTER TABLE "KnownFactCheckTerm" ADD CONSTRAINT "KnownFactCheckTerm_knownFactCheckId_fkey" FOREIGN KEY ("knownFactCheckId") REFERENCES "KnownFactCheck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand, named factdesk_* so the schema test knows: the postings follow KnownFactCheck's terms and
-- language whoever writes the row (an import's multi-row INSERT, an upsert, a psql session). Statement-level
-- triggers with transition tables, so a bulk insert writes its postings in one INSERT … SELECT rather than one per
-- row; deletes follow by the foreign key's cascade. (Transition tables cannot go with an UPDATE OF column list, so
-- the update trigger fires on every UPDATE and rewrites only the rows whose terms or language changed.)
CREATE FUNCTION factdesk_known_fact_check_postings_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "KnownFactCheckTerm" ("language", "term", "knownFactCheckId")
  SELECT DISTINCT n."language", t.term, n."id"
  FROM inserted n, unnest(string_to_array(n."terms", ' ')) AS t(term)
  WHERE t.term <> ''
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;

CREATE FUNCTION factdesk_known_fact_check_postings_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "KnownFactCheckTerm" p
  USING updated_old o JOIN updated_new n ON n."id" = o."id"
  WHERE p."knownFactCheckId" = o."id" AND (n."terms" IS DISTINCT FROM o."terms" OR n."language" IS DISTINCT FROM o."language");
  INSERT INTO "KnownFactCheckTerm" ("language", "term", "knownFactCheckId")
  SELECT DISTINCT n."language", t.term, n."id"
  FROM updated_new n JOIN updated_old o ON o."id" = n."id", unnest(string_to_array(n."terms", ' ')) AS t(term)
  WHERE t.term <> '' AND (n."terms" IS DISTINCT FROM o."terms" OR n."language" IS DISTINCT FROM o."language")
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;

CREATE TRIGGER factdesk_known_fact_check_postings_insert
  AFTER INSERT ON "KnownFactCheck" REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION factdesk_known_fact_check_postings_insert();

CREATE TRIGGER factdesk_known_fact_check_postings_update
  AFTER UPDATE ON "KnownFactCheck" REFERENCING OLD TABLE AS updated_old NEW TABLE AS updated_new
  FOR EACH STATEMENT EXECUTE FUNCTION factdesk_known_fact_check_postings_update();

-- The document frequencies follow the postings (inserted by the triggers above, deleted by the cascade), one
-- statement at a time; the counters are taken in (language, term) order so two writers do not deadlock on them.
CREATE FUNCTION factdesk_known_fact_check_term_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "KnownFactCheckTermCount" ("language", "term", "reviews")
  SELECT a."language", a."term", count(*)::int FROM added a GROUP BY a."language", a."term" ORDER BY a."language", a."term"
  ON CONFLICT ("language", "term") DO UPDATE SET "reviews" = "KnownFactCheckTermCount"."reviews" + EXCLUDED."reviews";
  RETURN NULL;
END;
$$;

CREATE FUNCTION factdesk_known_fact_check_term_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "KnownFactCheckTermCount" c SET "reviews" = c."reviews" - r.reviews
  FROM (SELECT d."language", d."term", count(*)::int AS reviews FROM removed d GROUP BY d."language", d."term") r
  WHERE c."language" = r."language" AND c."term" = r."term";
  RETURN NULL;
END;
$$;

CREATE TRIGGER factdesk_known_fact_check_term_counts_insert
  AFTER INSERT ON "KnownFactCheckTerm" REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION factdesk_known_fact_check_term_counts_insert();

CREATE TRIGGER factdesk_known_fact_check_term_counts_delete
  AFTER DELETE ON "KnownFactCheckTerm" REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION factdesk_known_fact_check_term_counts_delete();

-- The reviews already known (the counts follow by the triggers above).
INSERT INTO "KnownFactCheckTerm" ("language", "term", "knownFactCheckId")
SELECT DISTINCT k."language", t.term, k."id"
FROM "KnownFactCheck" k, unnest(string_to_array(k."terms", ' ')) AS t(term)
WHERE t.term <> '';
