-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Space" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "vatRateBp" INTEGER NOT NULL DEFAULT 2000,
    "minPasswordLength" INTEGER NOT NULL DEFAULT 6,
    "embedOrigins" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Space_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Admin" (
    "id" TEXT NOT NULL,
    "spaceId" TEXT,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'admin',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "lastLoginAt" TIMESTAMPTZ(3),

    CONSTRAINT "Admin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthSession" (
    "id" TEXT NOT NULL,
    "adminId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AuthSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordResetToken" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "adminId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PasswordResetToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "spaceId" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'space',
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExamType" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "requiresDate" BOOLEAN NOT NULL,
    "requiresSession" BOOLEAN NOT NULL,
    "supervision" TEXT NOT NULL,
    "manualValidation" BOOLEAN NOT NULL,
    "documents" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ExamType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Product" (
    "id" TEXT NOT NULL,
    "spaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "examTypeId" TEXT NOT NULL,
    "unitPriceHt" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL,
    "spaceId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "vatRateBp" INTEGER NOT NULL,
    "totalHt" INTEGER NOT NULL,
    "totalVat" INTEGER NOT NULL,
    "totalTtc" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "createdById" TEXT,
    "paymentRef" TEXT,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderLine" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "productId" TEXT NOT NULL,
    "examTypeId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPriceHt" INTEGER NOT NULL,
    "ht" INTEGER NOT NULL,
    "ttc" INTEGER NOT NULL,

    CONSTRAINT "OrderLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditLot" (
    "id" TEXT NOT NULL,
    "spaceId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "examTypeId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "remaining" INTEGER NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditLot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "id" TEXT NOT NULL,
    "spaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Group" (
    "id" TEXT NOT NULL,
    "spaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "groupId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("groupId","candidateId")
);

-- CreateTable
CREATE TABLE "Candidate" (
    "id" TEXT NOT NULL,
    "spaceId" TEXT NOT NULL,
    "civility" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "birthName" TEXT,
    "firstName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailKey" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "birthDate" TEXT NOT NULL,
    "birthPostcode" TEXT NOT NULL,
    "birthTown" TEXT NOT NULL,
    "birthCountry" TEXT NOT NULL,
    "infoStatus" TEXT NOT NULL,
    "funding" TEXT NOT NULL,
    "phone" TEXT,
    "address" TEXT,
    "postcode" TEXT,
    "town" TEXT,
    "country" TEXT,
    "educationLevel" TEXT,
    "socioProfessionalCategory" TEXT,
    "motherTongue" TEXT,
    "credentialsSent" BOOLEAN NOT NULL DEFAULT false,
    "ackRequested" BOOLEAN NOT NULL DEFAULT false,
    "ackTokenHash" TEXT,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "lastLoginAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "stage" TEXT NOT NULL DEFAULT 'none',
    "deadline" TIMESTAMPTZ(3),
    "latestScore" INTEGER,
    "latestValidation" TEXT,
    "latestExamType" TEXT,
    "examDate" TIMESTAMPTZ(3),
    "sortName" TEXT NOT NULL,
    "inHiddenGroup" BOOLEAN NOT NULL DEFAULT false,
    "hasAttempt" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Candidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL,
    "spaceId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "examTypeId" TEXT NOT NULL,
    "lotId" TEXT NOT NULL,
    "scheduledAt" TEXT,
    "sessionId" TEXT,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "activationCode" TEXT,
    "state" TEXT NOT NULL DEFAULT 'active',
    "takenAt" TIMESTAMPTZ(3),
    "codeSpentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attempt" (
    "id" TEXT NOT NULL,
    "spaceId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "examTypeId" TEXT NOT NULL,
    "score" INTEGER,
    "takenAt" TIMESTAMPTZ(3),
    "validation" TEXT NOT NULL DEFAULT 'pending',
    "validUntil" TEXT,
    "publicCode" TEXT,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExamSession" (
    "id" TEXT NOT NULL,
    "examTypeId" TEXT NOT NULL DEFAULT 'official-laposte',
    "city" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "centreName" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "seats" INTEGER NOT NULL,
    "seatsTaken" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ExamSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "spaceId" TEXT,
    "template" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "spaceId" TEXT,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "data" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Admin_email_key" ON "Admin"("email");

-- CreateIndex
CREATE INDEX "Admin_spaceId_idx" ON "Admin"("spaceId");

-- CreateIndex
CREATE INDEX "AuthSession_adminId_idx" ON "AuthSession"("adminId");

-- CreateIndex
CREATE INDEX "AuthSession_expiresAt_idx" ON "AuthSession"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordResetToken_tokenHash_key" ON "PasswordResetToken"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordResetToken_adminId_idx" ON "PasswordResetToken"("adminId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "ApiKey_spaceId_idx" ON "ApiKey"("spaceId");

-- CreateIndex
CREATE INDEX "Product_spaceId_active_idx" ON "Product"("spaceId", "active");

-- CreateIndex
CREATE UNIQUE INDEX "Product_spaceId_reference_key" ON "Product"("spaceId", "reference");

-- CreateIndex
CREATE INDEX "Order_spaceId_createdAt_idx" ON "Order"("spaceId", "createdAt");

-- CreateIndex
CREATE INDEX "Order_spaceId_status_createdAt_idx" ON "Order"("spaceId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Order_spaceId_number_key" ON "Order"("spaceId", "number");

-- CreateIndex
CREATE INDEX "OrderLine_orderId_idx" ON "OrderLine"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "CreditLot_orderLineId_key" ON "CreditLot"("orderLineId");

-- CreateIndex
CREATE INDEX "CreditLot_spaceId_examTypeId_expiresAt_idx" ON "CreditLot"("spaceId", "examTypeId", "expiresAt");

-- CreateIndex
CREATE INDEX "CreditLot_orderId_idx" ON "CreditLot"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyKey_spaceId_key_key" ON "IdempotencyKey"("spaceId", "key");

-- CreateIndex
CREATE INDEX "Group_spaceId_hidden_nameKey_idx" ON "Group"("spaceId", "hidden", "nameKey");

-- CreateIndex
CREATE INDEX "Group_spaceId_createdAt_idx" ON "Group"("spaceId", "createdAt");

-- CreateIndex
CREATE INDEX "Group_spaceId_category_idx" ON "Group"("spaceId", "category");

-- CreateIndex
CREATE UNIQUE INDEX "Group_spaceId_nameKey_key" ON "Group"("spaceId", "nameKey");

-- CreateIndex
CREATE INDEX "Membership_candidateId_idx" ON "Membership"("candidateId");

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_emailKey_key" ON "Candidate"("emailKey");

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_ackTokenHash_key" ON "Candidate"("ackTokenHash");

-- CreateIndex
CREATE INDEX "Candidate_spaceId_inHiddenGroup_sortName_id_idx" ON "Candidate"("spaceId", "inHiddenGroup", "sortName", "id");

-- CreateIndex
CREATE INDEX "Candidate_spaceId_inHiddenGroup_stage_deadline_idx" ON "Candidate"("spaceId", "inHiddenGroup", "stage", "deadline");

-- CreateIndex
CREATE INDEX "Candidate_spaceId_inHiddenGroup_examDate_id_idx" ON "Candidate"("spaceId", "inHiddenGroup", "examDate", "id");

-- CreateIndex
CREATE INDEX "Candidate_spaceId_inHiddenGroup_latestScore_id_idx" ON "Candidate"("spaceId", "inHiddenGroup", "latestScore", "id");

-- CreateIndex
CREATE INDEX "Candidate_spaceId_inHiddenGroup_latestValidation_idx" ON "Candidate"("spaceId", "inHiddenGroup", "latestValidation");

-- CreateIndex
CREATE INDEX "Candidate_spaceId_inHiddenGroup_lastLoginAt_id_idx" ON "Candidate"("spaceId", "inHiddenGroup", "lastLoginAt", "id");

-- CreateIndex
CREATE INDEX "Candidate_spaceId_emailKey_idx" ON "Candidate"("spaceId", "emailKey");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_activationCode_key" ON "Assignment"("activationCode");

-- CreateIndex
CREATE INDEX "Assignment_spaceId_state_examTypeId_idx" ON "Assignment"("spaceId", "state", "examTypeId");

-- CreateIndex
CREATE INDEX "Assignment_candidateId_createdAt_idx" ON "Assignment"("candidateId", "createdAt");

-- CreateIndex
CREATE INDEX "Assignment_lotId_idx" ON "Assignment"("lotId");

-- CreateIndex
CREATE INDEX "Assignment_sessionId_idx" ON "Assignment"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "Attempt_assignmentId_key" ON "Attempt"("assignmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Attempt_publicCode_key" ON "Attempt"("publicCode");

-- CreateIndex
CREATE INDEX "Attempt_candidateId_takenAt_idx" ON "Attempt"("candidateId", "takenAt");

-- CreateIndex
CREATE INDEX "Attempt_spaceId_validation_idx" ON "Attempt"("spaceId", "validation");

-- CreateIndex
CREATE INDEX "ExamSession_startsAt_idx" ON "ExamSession"("startsAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_spaceId_createdAt_idx" ON "OutboxMessage"("spaceId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_spaceId_createdAt_idx" ON "AuditEvent"("spaceId", "createdAt");

-- AddForeignKey
ALTER TABLE "Admin" ADD CONSTRAINT "Admin_spaceId_fkey" FOREIGN KEY ("spaceId") REFERENCES "Space"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_adminId_fkey" FOREIGN KEY ("adminId") REFERENCES "Admin"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordResetToken" ADD CONSTRAINT "PasswordResetToken_adminId_fkey" FOREIGN KEY ("adminId") REFERENCES "Admin"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_spaceId_fkey" FOREIGN KEY ("spaceId") REFERENCES "Space"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_spaceId_fkey" FOREIGN KEY ("spaceId") REFERENCES "Space"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_spaceId_fkey" FOREIGN KEY ("spaceId") REFERENCES "Space"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditLot" ADD CONSTRAINT "CreditLot_spaceId_fkey" FOREIGN KEY ("spaceId") REFERENCES "Space"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditLot" ADD CONSTRAINT "CreditLot_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditLot" ADD CONSTRAINT "CreditLot_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Group" ADD CONSTRAINT "Group_spaceId_fkey" FOREIGN KEY ("spaceId") REFERENCES "Space"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_spaceId_fkey" FOREIGN KEY ("spaceId") REFERENCES "Space"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_spaceId_fkey" FOREIGN KEY ("spaceId") REFERENCES "Space"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ExamSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attempt" ADD CONSTRAINT "Attempt_spaceId_fkey" FOREIGN KEY ("spaceId") REFERENCES "Space"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attempt" ADD CONSTRAINT "Attempt_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attempt" ADD CONSTRAINT "Attempt_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
