import Link from "next/link";
import { pageTeacher } from "@/lib/auth/page";
import { Card, PageTitle, textLink } from "../../../_components/ui";
import { CsvImport } from "../_client/csv-import";
import { ImportWizard } from "../_client/import-wizard";

export const metadata = { title: "Import a deck" };

export default async function ImportDeckPage() {
  await pageTeacher();
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link className={textLink} href="/teacher/decks">← My decks</Link>
      </p>
      <PageTitle>Import a document</PageTitle>
      <p className="mb-4 text-sm">
        The extractor proposes date, parties and term cards with the sentence each comes from. It skips quotations,
        opinions and figures without a citation, and tells you which passages it skipped and why.
      </p>
      <Card className="mb-6">
        <ImportWizard />
      </Card>
      <h2 className="mb-2 text-lg font-semibold">Or start from a CSV file</h2>
      <Card>
        <CsvImport target={{ newDeck: true }} />
      </Card>
    </div>
  );
}
