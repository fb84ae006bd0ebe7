import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    role: "STUDENT" | "TEACHER";
  }
  interface Session {
    user: { id: string; email: string; name: string; role: "STUDENT" | "TEACHER" };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: "STUDENT" | "TEACHER";
  }
}
