-- CreateEnum
CREATE TYPE "FlagReason" AS ENUM ('WRONG_FACT', 'BAD_WORDING', 'OTHER');

-- AlterTable
ALTER TABLE "CardState" ADD COLUMN     "buriedUntil" TIMESTAMPTZ(3),
ADD COLUMN     "leechAt" TIMESTAMPTZ(3),
ADD COLUMN     "suspendedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "CardFlag" (
    "userId" UUID NOT NULL,
    "cardId" TEXT NOT NULL,
    "reason" "FlagReason" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CardFlag_pkey" PRIMARY KEY ("userId","cardId")
);

-- CreateIndex
CREATE INDEX "CardFlag_cardId_idx" ON "CardFlag"("cardId");

-- AddForeignKey
ALTER TABLE "CardFlag" ADD CONSTRAINT "CardFlag_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CardFlag" ADD CONSTRAINT "CardFlag_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE CASCADE ON UPDATE CASCADE;

