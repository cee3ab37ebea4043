import type { Metadata } from "next";
import { requirePageViewer } from "@/lib/auth/viewer";
import { NameForm } from "./name-form";
import { PasswordForm } from "./password-form";
import "../../desk/desk.css";
import "../../admin/accounts/accounts.css";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const viewer = await requirePageViewer("profile.edit", "/settings/profile");
  return (
    <div className="stack">
      <h1>Profile</h1>
      <p className="muted">
        Signed in as {viewer.email}, with the role {viewer.role}. An admin can change your role or email address.
      </p>
      <NameForm name={viewer.name ?? ""} />
      <PasswordForm email={viewer.email} />
    </div>
  );
}
