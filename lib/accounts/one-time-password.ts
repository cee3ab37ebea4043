import "server-only";
import { randomBytes } from "node:crypto";

/**
 * A password made on the server for a new account or a reset: 18 random bytes (144 bits) as 24
 * base64url characters, shown to the admin once and stored only as its scrypt hash. Well past
 * MIN_PASSWORD_LENGTH and the sign-in form's limit, and typeable.
 */
export function oneTimePassword(): string {
  return randomBytes(18).toString("base64url");
}
