-- CreateIndex
CREATE INDEX "Candidate_list_by_name_idx" ON "Candidate"("spaceId", "inHiddenGroup", "sortName", "id", "emailKey", "stage", "deadline", "latestValidation", "examDate");

-- CreateIndex
CREATE INDEX "Candidate_list_by_status_idx" ON "Candidate"("spaceId", "inHiddenGroup", "stage", "deadline", "sortName", "id", "emailKey", "latestValidation", "examDate");
