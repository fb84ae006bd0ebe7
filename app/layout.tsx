import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { currentUser } from "@/lib/auth/session";
import { ThemeScript } from "./_components/theme-script";
import { ThemeToggle } from "./_components/theme-toggle";
import { UserMenu } from "./_components/user-menu";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "History Cards", template: "%s · History Cards" },
  description: "Study cards from history documents, with their sources, scheduled by FSRS.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

const navLink = "rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript nonce={nonce} />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900">
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-2 px-4 py-2">
            <Link href="/" className="mr-2 text-base font-semibold">
              History Cards
            </Link>
            {user && (
              <nav aria-label="Main" className="flex flex-wrap gap-1">
                <Link className={navLink} href="/review">Review</Link>
                <Link className={navLink} href="/decks">Decks</Link>
                <Link className={navLink} href="/quiz">Quiz</Link>
                {user.role === "TEACHER" && <Link className={navLink} href="/teacher">Teaching</Link>}
              </nav>
            )}
            <div className="ml-auto flex items-center gap-1">
              <ThemeToggle />
              {user && <UserMenu name={user.name} role={user.role} />}
            </div>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
