import nodemailer from 'nodemailer';

/** What the notifications service needs from e-mail: one plain-text message at a time. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

/** SMTP through nodemailer (`CANBO_SMTP_URL`, e.g. smtp://user:pass@mail.example.vn:587?from=canbo@example.vn). */
export function smtpMailer(url: string): Mailer {
  const from = new URL(url).searchParams.get('from') ?? 'canbo@localhost';
  const transport = nodemailer.createTransport(url);
  return {
    async send({ to, subject, text }) {
      await transport.sendMail({ from, to, subject, text });
    },
    close: () => transport.close(),
  };
}
