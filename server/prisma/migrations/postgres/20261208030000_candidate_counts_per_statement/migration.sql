-- Hand-written (no schema change): the counts per status follow inserts and
-- deletes of candidates once per statement instead of once per row.
--
-- A row trigger upserts the same counter row once per candidate: inserting
-- 100,000 candidates in one transaction made 100,000 versions of three rows,
-- each upsert walking the versions left by the previous ones (the seed of
-- 100,000 candidates slowed down as it went). A statement trigger reads the
-- statement's rows as a transition table and adds each status's count once.
-- Updates keep the row trigger (PostgreSQL has no transition tables for a
-- trigger on chosen columns, and an update moves one candidate at a time).
--
-- As before, the counter rows of one statement are touched in key order, so
-- that two transactions cannot lock them in opposite orders.

CREATE FUNCTION "candidate_status_count_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CandidateStatusCount" AS c ("spaceId", "inHiddenGroup", "stage", "count")
  SELECT "spaceId", "inHiddenGroup", "stage", count(*)::integer FROM new_rows
  GROUP BY "spaceId", "inHiddenGroup", "stage"
  ORDER BY "spaceId", "inHiddenGroup", "stage"
  ON CONFLICT ("spaceId", "inHiddenGroup", "stage") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
  RETURN NULL;
END
$$;

CREATE FUNCTION "candidate_status_count_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT "spaceId", "inHiddenGroup", "stage", count(*)::integer AS n FROM old_rows
    GROUP BY "spaceId", "inHiddenGroup", "stage"
    ORDER BY "spaceId", "inHiddenGroup", "stage"
  LOOP
    UPDATE "CandidateStatusCount" SET "count" = "count" - r.n
    WHERE "spaceId" = r."spaceId" AND "inHiddenGroup" = r."inHiddenGroup" AND "stage" = r."stage";
  END LOOP;
  RETURN NULL;
END
$$;

DROP TRIGGER "Candidate_status_count_insert_delete" ON "Candidate";

CREATE TRIGGER "Candidate_status_count_insert" AFTER INSERT ON "Candidate"
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "candidate_status_count_insert"();

CREATE TRIGGER "Candidate_status_count_delete" AFTER DELETE ON "Candidate"
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "candidate_status_count_delete"();
