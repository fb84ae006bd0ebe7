// The header of every page. On a laptop: the nav inline and an account menu; on a phone
// (below Tailwind's `sm`, 640 px) one "Menu" button holding the nav, theme and account, so
// the header stays one row. Both menus are native <details> (DisclosureMenu): no dropdown
// library or next-auth client in the bundle every page ships.
import Link from "next/link";
import type { SessionUser } from "@/lib/auth/authenticate";
import { DisclosureMenu } from "./disclosure-menu";
import { SignOutButton } from "./sign-out-button";
import { ThemeToggle } from "./theme-toggle";

type NavLink = { href: string; label: string };

/** The main navigation of a signed-in user: one list, rendered inline or in the phone menu. */
function navLinks(user: SessionUser): NavLink[] {
  return [
    { href: "/review", label: "Review" },
    { href: "/decks", label: "Decks" },
    { href: "/quiz", label: "Quiz" },
    { href: "/stats", label: "Stats" },
    ...(user.role === "TEACHER" ? [{ href: "/teacher", label: "Teaching" }] : []),
  ];
}

const navLink = "rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800";
const menuButton = "rounded-md px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 dark:text-slate-100 dark:hover:bg-slate-800";
const panel = "absolute right-0 z-20 mt-1 min-w-48 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";
const item = "block w-full rounded px-2 py-2 text-left hover:bg-slate-100 dark:hover:bg-slate-800";

function AccountItems({ user }: { user: SessionUser }) {
  return (
    <>
      <p className="px-2 py-1 text-xs text-slate-600 dark:text-slate-300">
        {user.role === "TEACHER" ? "Teacher" : "Student"} · {user.email}
      </p>
      <Link className={item} href="/settings">Settings</Link>
      <SignOutButton className={item} />
    </>
  );
}

export function SiteHeader({ user }: { user: SessionUser | null }) {
  const links = user ? navLinks(user) : [];
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-5xl items-center gap-2 px-4 py-2">
        <Link href="/" className="mr-2 text-base font-semibold">
          History Cards
        </Link>
        {user && (
          <nav aria-label="Main" className="hidden gap-1 sm:flex">
            {links.map((l) => (
              <Link key={l.href} className={navLink} href={l.href}>{l.label}</Link>
            ))}
          </nav>
        )}
        <div className="ml-auto flex items-center gap-1">
          <span className={user ? "hidden sm:inline" : ""}>
            <ThemeToggle />
          </span>
          {user ? (
            <>
              <DisclosureMenu
                className="hidden sm:block"
                summaryClassName={menuButton}
                panelClassName={panel}
                summary={<>{user.name} <span className="sr-only">account menu</span><span aria-hidden> ▾</span></>}
              >
                <AccountItems user={user} />
              </DisclosureMenu>
              <DisclosureMenu
                className="sm:hidden"
                summaryClassName={`${menuButton} border border-slate-300 dark:border-slate-600`}
                panelClassName={`${panel} w-64`}
                summary={<>Menu<span aria-hidden> ☰</span></>}
              >
                <nav aria-label="Main (phone)" className="flex flex-col">
                  {links.map((l) => (
                    <Link key={l.href} className={item} href={l.href}>{l.label}</Link>
                  ))}
                </nav>
                <hr className="my-1 border-slate-200 dark:border-slate-700" />
                <p className="px-2 pt-1 text-sm font-medium">{user.name}</p>
                <AccountItems user={user} />
                <div className="px-1 py-1"><ThemeToggle /></div>
              </DisclosureMenu>
            </>
          ) : (
            <Link className={navLink} href="/signin">Sign in</Link>
          )}
        </div>
      </div>
    </header>
  );
}
