import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { warmUpState } from "@/lib/review/warm-save-path";

// Public and side-effect free: tells a load balancer (and the e2e runner) the app can reach its data,
// and is ready only once a fresh server has warmed its save path (at most 15 s; a failed warm-up is
// reported, not fatal: it only makes the first saves slower).
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    const warmUp = warmUpState();
    if (warmUp === "pending") return NextResponse.json({ ok: false, warmUp, error: { code: "UNAVAILABLE", message: "starting: warming up the save path" } }, { status: 503 });
    return NextResponse.json({ ok: true, warmUp });
  } catch {
    return NextResponse.json({ ok: false, error: { code: "INTERNAL", message: "database unreachable" } }, { status: 503 });
  }
}
