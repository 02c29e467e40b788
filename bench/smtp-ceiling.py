#!/usr/bin/env python3
"""How many messages a second a local SMTP server accepts from a bare client (no database, no application): the
ceiling any sender can reach against it on this machine. Each message is about the size of an alert email.

    bench/smtp-ceiling.py [messages] [connections] [port]      # e.g. bench/smtp-ceiling.py 5000 8 25 (Postfix)
"""
import smtplib
import sys
import threading
import time

messages = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
connections = int(sys.argv[2]) if len(sys.argv) > 2 else 8
port = int(sys.argv[3]) if len(sys.argv) > 3 else 25
body = ("Subject: ceiling\r\n\r\n" + "line of an alert email body with some text\r\n" * 80).encode()


failures = []


def work(first):
    try:
        client = smtplib.SMTP("127.0.0.1", port)
        client.ehlo()
        for i in range(first, messages, connections):
            client.sendmail("ceiling@harmwatch.bench", [f"p{i}@bench.test"],
                            b"Message-ID: <ceiling%d@bench>\r\n" % i + body)
        client.quit()
    except (OSError, smtplib.SMTPException) as error:
        failures.append(error)


start = time.time()
threads = [threading.Thread(target=work, args=(k,)) for k in range(connections)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
elapsed = time.time() - start
if failures:
    sys.exit(f"{len(failures)} of {connections} connections failed, first: {failures[0]!r}; no figure")
print(f"{messages} messages over {connections} connections: {elapsed:.1f} s, {messages / elapsed:.0f} messages/s")
