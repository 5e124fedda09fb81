-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Group" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "spaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "searchKey" TEXT NOT NULL DEFAULT '',
    "sortKey" TEXT NOT NULL DEFAULT '',
    "category" TEXT NOT NULL,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Group_spaceId_fkey" FOREIGN KEY ("spaceId") REFERENCES "Space" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Group" ("category", "createdAt", "hidden", "id", "name", "nameKey", "spaceId") SELECT "category", "createdAt", "hidden", "id", "name", "nameKey", "spaceId" FROM "Group";
DROP TABLE "Group";
ALTER TABLE "new_Group" RENAME TO "Group";
CREATE INDEX "Group_spaceId_hidden_sortKey_id_idx" ON "Group"("spaceId", "hidden", "sortKey", "id");
CREATE INDEX "Group_spaceId_hidden_category_sortKey_id_idx" ON "Group"("spaceId", "hidden", "category", "sortKey", "id");
CREATE INDEX "Group_spaceId_hidden_createdAt_sortKey_id_idx" ON "Group"("spaceId", "hidden", "createdAt", "sortKey", "id");
CREATE INDEX "Group_spaceId_createdAt_idx" ON "Group"("spaceId", "createdAt");
CREATE INDEX "Group_spaceId_category_idx" ON "Group"("spaceId", "category");
CREATE UNIQUE INDEX "Group_spaceId_nameKey_key" ON "Group"("spaceId", "nameKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Existing groups get their keys at start-up (src/db/backfill.ts): the keys
-- fold accents, which SQL cannot do here.
