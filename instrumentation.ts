/** Runs once when a Next server process starts (Next's instrumentation hook). */
export async function register(): Promise<void> {
  // Only the Node.js server owns sockets; the stamp gives the sign-in limits the real client address.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installSocketAddressStamp } = await import("@/lib/auth/socket-address");
    installSocketAddressStamp();
  }
}
