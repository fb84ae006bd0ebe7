import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    role: "STUDENT" | "TEACHER";
    /** The client's address at sign-in (lib/auth/client-address.ts). */
    signInAddress?: string;
    /** "User"."sessionVersion" at sign-in (lib/auth/revocation.ts). */
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: "STUDENT" | "TEACHER" };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: "STUDENT" | "TEACHER";
    /** The client's address at sign-in, read from the socket. */
    addr?: string;
    /** The user's session version at sign-in: the token counts while it is still current (lib/auth/revocation.ts). */
    sv?: number;
  }
}
