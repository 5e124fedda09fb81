-- Hand-written (SQLite only: PostgreSQL searches through its pg_trgm indexes).
--
-- CandidateSearchKey, the content of the trigram index, now carries every
-- column the candidates table (§6.1) filters and sorts on: the validation,
-- the score, the « Date de passage » and the last login, beside the search
-- keys, the stage, the deadline and the hidden flag it had. A search then
-- answers its counts and its page from the index and this narrow table alone
-- (services/candidate-search-page.ts), without reading the candidates it
-- found: only the 50 rows of the page are read from Candidate.
--
-- ADD COLUMN does not rebuild the table: the FTS triggers on CandidateSearchKey
-- stay. The triggers on Candidate that copy the columns are made again with
-- the new ones.
ALTER TABLE "CandidateSearchKey" ADD COLUMN "latestValidation" TEXT;
ALTER TABLE "CandidateSearchKey" ADD COLUMN "latestScore" INTEGER;
ALTER TABLE "CandidateSearchKey" ADD COLUMN "examDate" DATETIME;
ALTER TABLE "CandidateSearchKey" ADD COLUMN "lastLoginAt" DATETIME;

UPDATE "CandidateSearchKey"
SET ("latestValidation", "latestScore", "examDate", "lastLoginAt") = (
  SELECT c."latestValidation", c."latestScore", c."examDate", c."lastLoginAt" FROM "Candidate" c WHERE c."id" = "CandidateSearchKey"."candidateId"
);

DROP TRIGGER "Candidate_search_insert";
CREATE TRIGGER "Candidate_search_insert" AFTER INSERT ON "Candidate"
BEGIN
  INSERT INTO "CandidateSearchKey" ("candidateId", "spaceId", "sortName", "emailKey", "inHiddenGroup", "stage", "deadline",
                                    "latestValidation", "latestScore", "examDate", "lastLoginAt")
  VALUES (NEW."id", NEW."spaceId", NEW."sortName", NEW."emailKey", NEW."inHiddenGroup", NEW."stage", NEW."deadline",
          NEW."latestValidation", NEW."latestScore", NEW."examDate", NEW."lastLoginAt");
END;

DROP TRIGGER "Candidate_search_update";
CREATE TRIGGER "Candidate_search_update"
AFTER UPDATE OF "id", "spaceId", "sortName", "emailKey", "inHiddenGroup", "stage", "deadline",
                "latestValidation", "latestScore", "examDate", "lastLoginAt" ON "Candidate"
WHEN OLD."id" IS NOT NEW."id" OR OLD."spaceId" IS NOT NEW."spaceId" OR OLD."sortName" IS NOT NEW."sortName" OR OLD."emailKey" IS NOT NEW."emailKey"
  OR OLD."inHiddenGroup" IS NOT NEW."inHiddenGroup" OR OLD."stage" IS NOT NEW."stage" OR OLD."deadline" IS NOT NEW."deadline"
  OR OLD."latestValidation" IS NOT NEW."latestValidation" OR OLD."latestScore" IS NOT NEW."latestScore"
  OR OLD."examDate" IS NOT NEW."examDate" OR OLD."lastLoginAt" IS NOT NEW."lastLoginAt"
BEGIN
  UPDATE "CandidateSearchKey"
  SET "candidateId" = NEW."id", "spaceId" = NEW."spaceId", "sortName" = NEW."sortName", "emailKey" = NEW."emailKey",
      "inHiddenGroup" = NEW."inHiddenGroup", "stage" = NEW."stage", "deadline" = NEW."deadline",
      "latestValidation" = NEW."latestValidation", "latestScore" = NEW."latestScore",
      "examDate" = NEW."examDate", "lastLoginAt" = NEW."lastLoginAt"
  WHERE "candidateId" = OLD."id";
END;
