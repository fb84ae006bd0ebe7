-- AlterTable
ALTER TABLE "User" ADD COLUMN     "fsrsParametersId" UUID;

-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "fsrsParametersId" UUID;

-- CreateTable
CREATE TABLE "FsrsParameters" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "weights" DOUBLE PRECISION[],
    "reviews" INTEGER NOT NULL,
    "logLoss" DOUBLE PRECISION NOT NULL,
    "rmseBins" DOUBLE PRECISION NOT NULL,
    "previousLogLoss" DOUBLE PRECISION NOT NULL,
    "previousRmseBins" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FsrsParameters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OptimizerRun" (
    "userId" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "result" JSONB,
    "error" TEXT,

    CONSTRAINT "OptimizerRun_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "FsrsParameters_userId_createdAt_idx" ON "FsrsParameters"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_fsrsParametersId_fkey" FOREIGN KEY ("fsrsParametersId") REFERENCES "FsrsParameters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewLog" ADD CONSTRAINT "ReviewLog_fsrsParametersId_fkey" FOREIGN KEY ("fsrsParametersId") REFERENCES "FsrsParameters"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FsrsParameters" ADD CONSTRAINT "FsrsParameters_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OptimizerRun" ADD CONSTRAINT "OptimizerRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

