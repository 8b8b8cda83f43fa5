"use client";

import { useFormStatus } from "react-dom";
import { Button } from "./button";

/**
 * A submit button that shows progress while its form's action runs. `intent`: for a form with two buttons, sent as
 * the form's `button` field, and only the button that was pressed shows progress.
 */
export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  className = "",
  intent,
}: {
  children: React.ReactNode;
  pendingLabel: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  className?: string;
  intent?: string;
}) {
  const status = useFormStatus();
  const pending = status.pending && (status.data?.get("button") ?? undefined) === intent;
  return (
    <Button type="submit" name={intent && "button"} value={intent} variant={variant} disabled={status.pending} aria-busy={pending} className={className}>
      {pending && (
        <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent" />
      )}
      {pending ? pendingLabel : children}
    </Button>
  );
}
