-- CreateIndex
CREATE INDEX "Candidate_sort_by_date_idx" ON "Candidate"("spaceId", "inHiddenGroup", "examDate", "sortName", "id");

-- CreateIndex
CREATE INDEX "Candidate_sort_by_email_idx" ON "Candidate"("spaceId", "inHiddenGroup", "emailKey", "sortName", "id");
