import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";

// Public and side-effect free: tells a load balancer (and the e2e runner) the app can reach its data.
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return NextResponse.json({ ok: true });
  } catch {
    return NextResponse.json({ ok: false, error: { code: "INTERNAL", message: "database unreachable" } }, { status: 503 });
  }
}
