// next-auth configuration: email + password, JWT sessions carrying the user's role.
// Sign-in is served by pages/api/auth/[...nextauth].ts, which builds the options per request
// with the client's address (authOptionsFor): next-auth hands authorize() only the headers,
// and the address must come from the socket. `authOptions` (no provider) reads sessions.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "@/lib/db/client";
import { assertProductionSecret, readEnv } from "@/lib/config/env";
import { authenticate, SignInError } from "./authenticate";
import { createLoginLimiter, type LoginLimiter } from "./rate-limit";
import { secureCookies } from "./secure-cookies";
import { tokenVersion } from "./revocation";
import { endAllSessions, sessionIsCurrent } from "./session-store";

// Made on first use: the build imports this module without a database.
let limiter: LoginLimiter | undefined;

function secret(): string | undefined {
  const env = readEnv();
  assertProductionSecret(env);
  return env.AUTH_SECRET;
}

export const authOptions: NextAuthOptions = {
  secret: secret(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [],
  // Secure cookies (and their __Secure- names) exactly when the app is served over HTTPS:
  // next-auth decides this from NEXTAUTH_URL, which lib/config/env.ts defaults to the local
  // http URL; a deployment behind TLS must set it to its https:// address (README).
  useSecureCookies: secureCookies(),
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion ?? 0;
        // Kept for limits keyed on the client's address in App Router routes, which cannot
        // see the socket (e.g. class joins): it was read from the socket at sign-in.
        if (user.signInAddress) token.addr = user.signInAddress;
        return token;
      }
      // Every other call renews a session (pages, /api/auth/session): an ended one must not
      // be renewed. next-auth answers a throw here with no session and a cleared cookie.
      if (!token.uid || !(await sessionIsCurrent(prisma(), token.uid, tokenVersion(token.sv)))) {
        throw new Error("This session has ended.");
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = token.uid as string;
        session.user.role = token.role as "STUDENT" | "TEACHER";
      }
      return session;
    },
  },
  events: {
    // Awaited by next-auth before it clears the cookie; a token already ended is harmless to end again.
    async signOut({ token }) {
      if (token?.uid) await endAllSessions(prisma(), token.uid);
    },
  },
};

/** The options for one sign-in request from `address` (undefined: the socket is gone). */
export function authOptionsFor(address: string | undefined): NextAuthOptions {
  return {
    ...authOptions,
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials) {
          try {
            // Never a shared stand-in such as "local": one counter for everyone is a lock-out switch.
            if (!address) throw new Error("no client address");
            const user = await authenticate(prisma(), (limiter ??= createLoginLimiter(prisma())), credentials, address);
            return { ...user, signInAddress: address };
          } catch (err) {
            // next-auth passes the message to the sign-in page as ?error=...
            if (err instanceof SignInError) throw new Error(err.message);
            // Not the user's doing (the database, the limiter): the operator needs the cause, the user a retry.
            console.error("[auth] sign-in failed:", err);
            throw new Error("Sign-in is unavailable right now. Please try again.");
          }
        },
      }),
    ],
  };
}
