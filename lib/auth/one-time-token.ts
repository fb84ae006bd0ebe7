// The secret of a one-time link (password reset, teacher invitation): 32 random bytes (256
// bits: guessing one is hopeless however fast an attacker asks), sent as 43 base64url
// characters; only its SHA-256 is stored, so a copy of the database opens no link.
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const newToken = () => randomBytes(32).toString("base64url");

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
