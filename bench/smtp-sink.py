#!/usr/bin/env python3
"""A mail server for the bench that accepts every message and keeps none (standard library only).

Order confirmations are part of a checkout's work: without a mail server the service's sender fails every mail and
retries it with backoff, so the bench measured failed connections and a growing queue instead of what a store with
its SMTP relay pays. Usage: smtp-sink.py PORT COUNT_FILE (the number of messages received is written to COUNT_FILE
on every message).
"""
import asyncio
import sys

PORT = int(sys.argv[1])
COUNT_FILE = sys.argv[2]
received = 0


async def session(reader, writer):
    global received
    writer.write(b"220 bench-sink ESMTP\r\n")
    await writer.drain()
    in_data = False
    while True:
        line = await reader.readline()
        if not line:
            break
        if in_data:
            if line in (b".\r\n", b".\n"):
                in_data = False
                received += 1
                with open(COUNT_FILE, "w") as f:
                    f.write(str(received))
                writer.write(b"250 OK queued\r\n")
            continue
        command = line[:4].upper()
        if command in (b"EHLO",):
            writer.write(b"250-bench-sink\r\n250 8BITMIME\r\n")
        elif command == b"DATA":
            in_data = True
            writer.write(b"354 End data with <CR><LF>.<CR><LF>\r\n")
        elif command == b"QUIT":
            writer.write(b"221 Bye\r\n")
            await writer.drain()
            break
        else:  # HELO, MAIL, RCPT, RSET, NOOP
            writer.write(b"250 OK\r\n")
        await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(session, "127.0.0.1", PORT)
    async with server:
        await server.serve_forever()


asyncio.run(main())
