-- CreateTable
CREATE TABLE "ExamMode" (
    "userId" UUID NOT NULL,
    "deckId" UUID NOT NULL,
    "assignmentId" UUID NOT NULL,
    "desiredRetention" DOUBLE PRECISION NOT NULL,
    "until" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExamMode_pkey" PRIMARY KEY ("userId","deckId")
);

-- CreateIndex
CREATE INDEX "ExamMode_assignmentId_idx" ON "ExamMode"("assignmentId");

-- AddForeignKey
ALTER TABLE "ExamMode" ADD CONSTRAINT "ExamMode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamMode" ADD CONSTRAINT "ExamMode_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
