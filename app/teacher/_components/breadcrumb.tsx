import Link from "next/link";
import { textLink } from "../../_components/ui";

/** The way back up from a teacher's class or assignment page. */
export function Breadcrumb({ trail }: { trail: { href: string; label: string }[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-1 text-sm">
      <ol className="flex flex-wrap gap-1">
        {trail.map((t) => (
          <li key={t.href}>
            <Link className={textLink} href={t.href}>{t.label}</Link> <span aria-hidden>›</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
