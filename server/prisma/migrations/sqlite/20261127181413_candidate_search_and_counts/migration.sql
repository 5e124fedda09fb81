-- CreateTable
CREATE TABLE "CandidateStatusCount" (
    "spaceId" TEXT NOT NULL,
    "inHiddenGroup" BOOLEAN NOT NULL,
    "stage" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("spaceId", "inHiddenGroup", "stage")
);

-- Hand-written below (Prisma does not manage virtual tables nor triggers:
-- scripts/migration.ts keeps the next migrations from dropping them).

-- Counts per status (§6.1, dashboard): CandidateStatusCount follows every
-- insert, delete and change of stage / hidden flag / space of a candidate, in
-- the statement that makes it, whatever the write path (services, cascades,
-- raw bulk inserts).
INSERT INTO "CandidateStatusCount" ("spaceId", "inHiddenGroup", "stage", "count")
SELECT "spaceId", "inHiddenGroup", "stage", count(*) FROM "Candidate" GROUP BY "spaceId", "inHiddenGroup", "stage";

CREATE TRIGGER "Candidate_status_count_insert" AFTER INSERT ON "Candidate"
BEGIN
  INSERT INTO "CandidateStatusCount" ("spaceId", "inHiddenGroup", "stage", "count")
  VALUES (NEW."spaceId", NEW."inHiddenGroup", NEW."stage", 1)
  ON CONFLICT ("spaceId", "inHiddenGroup", "stage") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "Candidate_status_count_delete" AFTER DELETE ON "Candidate"
BEGIN
  UPDATE "CandidateStatusCount" SET "count" = "count" - 1
  WHERE "spaceId" = OLD."spaceId" AND "inHiddenGroup" = OLD."inHiddenGroup" AND "stage" = OLD."stage";
END;

CREATE TRIGGER "Candidate_status_count_update" AFTER UPDATE OF "spaceId", "inHiddenGroup", "stage" ON "Candidate"
WHEN OLD."spaceId" IS NOT NEW."spaceId" OR OLD."inHiddenGroup" IS NOT NEW."inHiddenGroup" OR OLD."stage" IS NOT NEW."stage"
BEGIN
  UPDATE "CandidateStatusCount" SET "count" = "count" - 1
  WHERE "spaceId" = OLD."spaceId" AND "inHiddenGroup" = OLD."inHiddenGroup" AND "stage" = OLD."stage";
  INSERT INTO "CandidateStatusCount" ("spaceId", "inHiddenGroup", "stage", "count")
  VALUES (NEW."spaceId", NEW."inHiddenGroup", NEW."stage", 1)
  ON CONFLICT ("spaceId", "inHiddenGroup", "stage") DO UPDATE SET "count" = "count" + 1;
END;

-- Search (« Rechercher un nom, un courriel », §6.1): a trigram FTS5 index over
-- the search keys (`sortName`, `emailKey`), so that `LIKE '%word%'` becomes an
-- index lookup for words of 3 characters or more. CandidateSearchKey gives each
-- candidate a stable integer key (the FTS rowid: a TEXT primary key's implicit
-- rowid may change on VACUUM), is the index's external content, and carries
-- the columns of the counts per status (`inHiddenGroup`, `stage`, `deadline`),
-- so that a search is counted without reading the candidates it found.
CREATE TABLE "CandidateSearchKey" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "candidateId" TEXT NOT NULL,
    "spaceId" TEXT NOT NULL,
    "sortName" TEXT NOT NULL,
    "emailKey" TEXT NOT NULL,
    "inHiddenGroup" BOOLEAN NOT NULL,
    "stage" TEXT NOT NULL,
    "deadline" DATETIME
);
CREATE UNIQUE INDEX "CandidateSearchKey_candidateId_key" ON "CandidateSearchKey"("candidateId");

CREATE VIRTUAL TABLE "CandidateSearch" USING fts5(
    "sortName", "emailKey",
    content = 'CandidateSearchKey', content_rowid = 'id', columnsize = 0, tokenize = 'trigram'
);

CREATE TRIGGER "CandidateSearchKey_insert" AFTER INSERT ON "CandidateSearchKey"
BEGIN
  INSERT INTO "CandidateSearch" ("rowid", "sortName", "emailKey") VALUES (NEW."id", NEW."sortName", NEW."emailKey");
END;

CREATE TRIGGER "CandidateSearchKey_delete" AFTER DELETE ON "CandidateSearchKey"
BEGIN
  INSERT INTO "CandidateSearch" ("CandidateSearch", "rowid", "sortName", "emailKey") VALUES ('delete', OLD."id", OLD."sortName", OLD."emailKey");
END;

CREATE TRIGGER "CandidateSearchKey_update" AFTER UPDATE OF "sortName", "emailKey" ON "CandidateSearchKey"
WHEN OLD."sortName" IS NOT NEW."sortName" OR OLD."emailKey" IS NOT NEW."emailKey"
BEGIN
  INSERT INTO "CandidateSearch" ("CandidateSearch", "rowid", "sortName", "emailKey") VALUES ('delete', OLD."id", OLD."sortName", OLD."emailKey");
  INSERT INTO "CandidateSearch" ("rowid", "sortName", "emailKey") VALUES (NEW."id", NEW."sortName", NEW."emailKey");
END;

INSERT INTO "CandidateSearchKey" ("candidateId", "spaceId", "sortName", "emailKey", "inHiddenGroup", "stage", "deadline")
SELECT "id", "spaceId", "sortName", "emailKey", "inHiddenGroup", "stage", "deadline" FROM "Candidate";

CREATE TRIGGER "Candidate_search_insert" AFTER INSERT ON "Candidate"
BEGIN
  INSERT INTO "CandidateSearchKey" ("candidateId", "spaceId", "sortName", "emailKey", "inHiddenGroup", "stage", "deadline")
  VALUES (NEW."id", NEW."spaceId", NEW."sortName", NEW."emailKey", NEW."inHiddenGroup", NEW."stage", NEW."deadline");
END;

CREATE TRIGGER "Candidate_search_delete" AFTER DELETE ON "Candidate"
BEGIN
  DELETE FROM "CandidateSearchKey" WHERE "candidateId" = OLD."id";
END;

CREATE TRIGGER "Candidate_search_update" AFTER UPDATE OF "id", "spaceId", "sortName", "emailKey", "inHiddenGroup", "stage", "deadline" ON "Candidate"
WHEN OLD."id" IS NOT NEW."id" OR OLD."spaceId" IS NOT NEW."spaceId" OR OLD."sortName" IS NOT NEW."sortName" OR OLD."emailKey" IS NOT NEW."emailKey"
  OR OLD."inHiddenGroup" IS NOT NEW."inHiddenGroup" OR OLD."stage" IS NOT NEW."stage" OR OLD."deadline" IS NOT NEW."deadline"
BEGIN
  UPDATE "CandidateSearchKey"
  SET "candidateId" = NEW."id", "spaceId" = NEW."spaceId", "sortName" = NEW."sortName", "emailKey" = NEW."emailKey",
      "inHiddenGroup" = NEW."inHiddenGroup", "stage" = NEW."stage", "deadline" = NEW."deadline"
  WHERE "candidateId" = OLD."id";
END;
