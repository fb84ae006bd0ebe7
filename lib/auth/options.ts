// next-auth configuration: email + password, JWT sessions carrying the user's role.
// Sign-in is served by pages/api/auth/[...nextauth].ts, which builds the options per request
// with the client's address (authOptionsFor): next-auth hands authorize() only the headers,
// and the address must come from the socket. `authOptions` (no provider) reads sessions.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "@/lib/db/client";
import { assertProductionSecret, readEnv } from "@/lib/config/env";
import { authenticate, SignInError } from "./authenticate";
import { createLoginLimiter } from "./rate-limit";

const limiter = createLoginLimiter();

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
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        // Kept for limits keyed on the client's address in App Router routes, which cannot
        // see the socket (e.g. class joins): it was read from the socket at sign-in.
        if (user.signInAddress) token.addr = user.signInAddress;
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
            const user = await authenticate(prisma(), limiter, credentials, address);
            return { ...user, signInAddress: address };
          } catch (err) {
            // next-auth passes the message to the sign-in page as ?error=...
            if (err instanceof SignInError) throw new Error(err.message);
            throw new Error("Sign-in is unavailable right now. Please try again.");
          }
        },
      }),
    ],
  };
}
