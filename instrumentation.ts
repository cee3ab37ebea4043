import { publicOrigin } from "@/lib/reading/site-origin";

/** Runs once when a Next server process starts (Next's instrumentation hook; never during next build). */
export async function register(): Promise<void> {
  // A production server without CLAIMDESK_PUBLIC_URL fails to prepare (logged with what to set; every
  // request answers 500) rather than publish canonical links and ClaimReview URLs built from nothing
  // (lib/reading/site-origin.ts); in development this prints the one-line localhost warning.
  publicOrigin();
  // Only the Node.js server owns sockets; the stamp gives the sign-in limits the real client address.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installSocketAddressStamp } = await import("@/lib/auth/socket-address");
    installSocketAddressStamp();
    // A fresh server's first saves would pay for loading and first running the save path; it sends
    // itself refused saves first (lib/review/warm-save-path.ts). Not in next dev, which compiles on demand.
    if (process.env.NODE_ENV === "production") {
      const { startWarmUp } = await import("@/lib/review/warm-save-path");
      startWarmUp();
    }
  }
}
