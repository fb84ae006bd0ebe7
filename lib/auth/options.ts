// next-auth configuration: email + password, JWT sessions carrying the user's role.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "@/lib/db/client";
import { assertProductionSecret, readEnv } from "@/lib/config/env";
import { authenticate, SignInError } from "./authenticate";
import { createLoginLimiter } from "./rate-limit";

const limiter = createLoginLimiter();

function clientIp(headers: Record<string, unknown> | undefined): string {
  const fwd = headers?.["x-forwarded-for"];
  return (typeof fwd === "string" && fwd.split(",")[0]?.trim()) || "local";
}

function secret(): string | undefined {
  const env = readEnv();
  assertProductionSecret(env);
  return env.AUTH_SECRET;
}

export const authOptions: NextAuthOptions = {
  secret: secret(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        try {
          return await authenticate(prisma(), limiter, credentials, clientIp(req?.headers));
        } catch (err) {
          // next-auth passes the message to the sign-in page as ?error=...
          if (err instanceof SignInError) throw new Error(err.message);
          throw new Error("Sign-in is unavailable right now. Please try again.");
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
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
