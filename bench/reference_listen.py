#!/usr/bin/env python3
"""The reference connector's listen round, reproduced with the standard library.

SEARCH UNSEEN, then one FETCH n (RFC822) per message (which marks it \\Seen),
then one sendmail per reply on a kept SMTP session. Prints the round's
milliseconds on stdout, for bench_listen to compare with ours.

    reference_listen.py HOST IMAP_PORT SMTP_PORT CA_FILE USER PASSWORD
"""
import email
import email.message
import imaplib
import smtplib
import ssl
import sys
import time


def main():
    host, imap_port, smtp_port, ca_file, user, password = sys.argv[1:7]
    context = ssl.create_default_context(cafile=ca_file)
    start = time.perf_counter()
    imap = imaplib.IMAP4_SSL(host, int(imap_port), ssl_context=context)
    imap.login(user, password)
    imap.select("INBOX")
    smtp = smtplib.SMTP_SSL(host, int(smtp_port), context=context)
    smtp.login(user, password)
    _, data = imap.search(None, "UNSEEN")
    replied = 0
    for num in data[0].split():
        _, parts = imap.fetch(num, "(RFC822)")
        incoming = email.message_from_bytes(parts[0][1])
        reply = email.message.EmailMessage()
        reply["From"] = user
        reply["To"] = incoming.get("Reply-To", incoming["From"])
        reply["Subject"] = "Re: " + incoming["Subject"]
        reply["In-Reply-To"] = incoming["Message-ID"]
        reply.set_content("ACK")
        smtp.sendmail(user, [email.utils.parseaddr(reply["To"])[1]], reply.as_bytes())
        replied += 1
    elapsed = (time.perf_counter() - start) * 1000
    smtp.quit()
    imap.logout()
    print(f"{elapsed:.1f} {replied}")


if __name__ == "__main__":
    main()
