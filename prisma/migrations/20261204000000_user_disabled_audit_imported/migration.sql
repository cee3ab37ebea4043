-- A disabled account (by an admin, or created by a backup restore) cannot sign in and its sessions
-- stop working on their next request; restored audit events are marked as imported history.
ALTER TABLE "User" ADD COLUMN "disabledAt" DATETIME;
ALTER TABLE "AuditEvent" ADD COLUMN "importedAt" DATETIME;
