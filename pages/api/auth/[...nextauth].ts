// next-auth (sign-in, sign-out, session, csrf) on the Pages Router, not the App Router: the
// sign-in limits key on the client's address, and only a Node request carries the socket
// it came from. The App Router does not expose it, and Next.js sets X-Forwarded-For to the
// peer only when the client sent none, so a client could choose its own address there.
// The options are built per request with that address (next-auth's "advanced initialization").
import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { requestAddress } from "@/lib/auth/client-address";
import { authOptionsFor } from "@/lib/auth/options";

export default async function auth(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  await NextAuth(req, res, authOptionsFor(requestAddress(req)));
}
