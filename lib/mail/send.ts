import nodemailer from "nodemailer";

/**
 * Mail is optional: many self-hosted set-ups have none, so every link the app mails (invitations,
 * password resets) is also shown once to whoever made it. With SMTP_URL
 * (smtp[s]://user:pass@host:port) set, the link is also sent. SMTP_FROM names the sender.
 */
export const mailConfigured = (): boolean => Boolean(process.env.SMTP_URL);

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

let transport: ReturnType<typeof nodemailer.createTransport> | null = null;

/** Sends the mail when SMTP is configured; says whether it was sent. Failures are logged, not thrown: the link was shown anyway. */
export async function sendMail(mail: Mail): Promise<boolean> {
  const url = process.env.SMTP_URL;
  if (!url) return false;
  transport ??= nodemailer.createTransport(url);
  try {
    await transport.sendMail({ from: process.env.SMTP_FROM ?? "Crucible <crucible@localhost>", to: mail.to, subject: mail.subject, text: mail.text });
    return true;
  } catch (error) {
    console.error("[mail] sending failed", error instanceof Error ? error.message : error);
    return false;
  }
}
