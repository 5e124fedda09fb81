-- DropIndex
DROP INDEX "Group_spaceId_hidden_nameKey_idx";

-- AlterTable
ALTER TABLE "Group" ADD COLUMN     "searchKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "sortKey" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Group_spaceId_hidden_sortKey_id_idx" ON "Group"("spaceId", "hidden", "sortKey", "id");

-- CreateIndex
CREATE INDEX "Group_spaceId_hidden_category_sortKey_id_idx" ON "Group"("spaceId", "hidden", "category", "sortKey", "id");

-- CreateIndex
CREATE INDEX "Group_spaceId_hidden_createdAt_sortKey_id_idx" ON "Group"("spaceId", "hidden", "createdAt", "sortKey", "id");

-- Hand-written: sort keys compare byte by byte on PostgreSQL as on SQLite and
-- in the domain (`compareKeys`), whatever the database's locale (an en_US
-- collation would ignore spaces and punctuation, and sort « le gall » after
-- « lefevre »). The schema engine does not read collations: later diffs keep it.
ALTER TABLE "Group" ALTER COLUMN "sortKey" TYPE TEXT COLLATE "C";
ALTER TABLE "Candidate" ALTER COLUMN "sortName" TYPE TEXT COLLATE "C";
ALTER TABLE "Candidate" ALTER COLUMN "emailKey" TYPE TEXT COLLATE "C";
