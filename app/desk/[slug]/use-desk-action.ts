"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/guard";
import type { ErrorBody } from "@/lib/errors";

/** Runs an action; reports success or the error, and refreshes the server data after a success. */
export function useDeskAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ErrorBody | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  function run<T>(action: () => Promise<ActionResult<T>>, onSuccess: (data: T) => string) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setError(null);
        setMessage(onSuccess(result.data));
        router.refresh();
      } else {
        setError(result.error);
        setMessage(null);
      }
    });
  }
  return { pending, error, message, run };
}
