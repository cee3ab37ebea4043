import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getViewer } from "@/lib/auth/viewer";
import { AccountMenu } from "./_components/account-menu";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Claimdesk", template: "%s · Claimdesk" },
  description: "Claim annotation and fact-checking workbench",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            Claimdesk
          </Link>
          <AccountMenu viewer={viewer} />
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
