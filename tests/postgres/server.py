"""Starts a private PostgreSQL with pgvector (PyPI's pgserver) in the folder given, prints
its connection URL, and stops it and deletes the folder when its stdin closes (the test
that started it ended, or died). Run as root, pgserver runs the server as a `pgserver`
user it creates, since PostgreSQL refuses to run as root."""
import sys

import pgserver

server = pgserver.get_server(sys.argv[1], cleanup_mode="delete")
print(server.get_uri(), flush=True)
sys.stdin.read()
