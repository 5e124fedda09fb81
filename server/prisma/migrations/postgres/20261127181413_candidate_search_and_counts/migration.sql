-- CreateTable
CREATE TABLE "CandidateStatusCount" (
    "spaceId" TEXT NOT NULL,
    "inHiddenGroup" BOOLEAN NOT NULL,
    "stage" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CandidateStatusCount_pkey" PRIMARY KEY ("spaceId","inHiddenGroup","stage")
);

-- Hand-written below (Prisma does not manage extensions, trigram indexes,
-- functions nor triggers here: scripts/migration.ts keeps the next migrations
-- from dropping them).

-- Counts per status (§6.1, dashboard): CandidateStatusCount follows every
-- insert, delete and change of stage / hidden flag / space of a candidate, in
-- the transaction that makes it, whatever the write path.
INSERT INTO "CandidateStatusCount" ("spaceId", "inHiddenGroup", "stage", "count")
SELECT "spaceId", "inHiddenGroup", "stage", count(*) FROM "Candidate" GROUP BY "spaceId", "inHiddenGroup", "stage";

CREATE FUNCTION "candidate_status_count_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The two counter rows of a change are touched in key order, so that two
  -- transactions moving candidates in opposite directions (assign / remove)
  -- cannot lock them in opposite orders.
  IF TG_OP = 'UPDATE' AND (OLD."spaceId", OLD."inHiddenGroup", OLD."stage") > (NEW."spaceId", NEW."inHiddenGroup", NEW."stage") THEN
    INSERT INTO "CandidateStatusCount" AS c ("spaceId", "inHiddenGroup", "stage", "count")
    VALUES (NEW."spaceId", NEW."inHiddenGroup", NEW."stage", 1)
    ON CONFLICT ("spaceId", "inHiddenGroup", "stage") DO UPDATE SET "count" = c."count" + 1;
    UPDATE "CandidateStatusCount" SET "count" = "count" - 1
    WHERE "spaceId" = OLD."spaceId" AND "inHiddenGroup" = OLD."inHiddenGroup" AND "stage" = OLD."stage";
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "CandidateStatusCount" SET "count" = "count" - 1
    WHERE "spaceId" = OLD."spaceId" AND "inHiddenGroup" = OLD."inHiddenGroup" AND "stage" = OLD."stage";
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO "CandidateStatusCount" AS c ("spaceId", "inHiddenGroup", "stage", "count")
    VALUES (NEW."spaceId", NEW."inHiddenGroup", NEW."stage", 1)
    ON CONFLICT ("spaceId", "inHiddenGroup", "stage") DO UPDATE SET "count" = c."count" + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Candidate_status_count_insert_delete" AFTER INSERT OR DELETE ON "Candidate"
FOR EACH ROW EXECUTE FUNCTION "candidate_status_count_apply"();

CREATE TRIGGER "Candidate_status_count_update" AFTER UPDATE OF "spaceId", "inHiddenGroup", "stage" ON "Candidate"
FOR EACH ROW
WHEN (OLD."spaceId" IS DISTINCT FROM NEW."spaceId" OR OLD."inHiddenGroup" IS DISTINCT FROM NEW."inHiddenGroup" OR OLD."stage" IS DISTINCT FROM NEW."stage")
EXECUTE FUNCTION "candidate_status_count_apply"();

-- Search (« Rechercher un nom, un courriel », §6.1): trigram GIN indexes, so
-- that the list's `LIKE '%word%'` on the search keys is answered by an index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Candidate_sortName_trgm_idx" ON "Candidate" USING gin ("sortName" gin_trgm_ops);
CREATE INDEX "Candidate_emailKey_trgm_idx" ON "Candidate" USING gin ("emailKey" gin_trgm_ops);
