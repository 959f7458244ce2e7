"""Starts Debian's PostgreSQL 15 (built with OpenSSL; pgserver's is not) in the folder given,
with TLS required on every TCP connection (pg_hba.conf has only hostssl lines) and a
certificate for the name `localhost` only, signed by a CA made here. Prints the port, then
waits; stops the server and deletes the folder when its stdin closes (the test that started
it ended, or died). Also leaves FOLDER/ca.pem and FOLDER/other-ca.pem (a CA that signed
nothing) for the test. Run as root, the server runs as Debian's `postgres` user."""
import os
import shutil
import socket
import subprocess
import sys
import time

folder = os.path.abspath(sys.argv[1])
bindir = "/usr/lib/postgresql/15/bin"
os.makedirs(folder, exist_ok=True)


def run(*args, **kw):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)


def openssl(*args):
    run("openssl", *args, cwd=folder)


openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
        "-days", "2", "-subj", "/CN=silica test CA")
openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other-ca.key", "-out",
        "other-ca.pem", "-days", "2", "-subj", "/CN=another CA")
openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
        "-subj", "/CN=localhost")
with open(os.path.join(folder, "san.ext"), "w") as f:
    f.write("subjectAltName=DNS:localhost\n")
openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-out", "server.crt", "-days", "2", "-extfile", "san.ext")

as_user = []
if os.geteuid() == 0:
    as_user = ["runuser", "-u", "postgres", "--"]
    os.chmod(folder, 0o755)
data = os.path.join(folder, "data")
os.makedirs(data)
if as_user:
    shutil.chown(data, "postgres", "postgres")
    for name in ("server.key", "server.crt"):
        shutil.chown(os.path.join(folder, name), "postgres", "postgres")
os.chmod(os.path.join(folder, "server.key"), 0o600)
run(*as_user, f"{bindir}/initdb", "-D", data, "-U", "postgres", "--auth=trust")

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
with open(os.path.join(data, "pg_hba.conf"), "w") as f:
    f.write("local all all trust\n")
    f.write("hostssl all all 127.0.0.1/32 trust\n")
    f.write("hostssl all all ::1/128 trust\n")
with open(os.path.join(data, "postgresql.conf"), "a") as f:
    f.write(f"port = {port}\nlisten_addresses = 'localhost'\n")
    f.write(f"unix_socket_directories = '{data}'\n")
    f.write(f"ssl = on\nssl_cert_file = '{folder}/server.crt'\n")
    f.write(f"ssl_key_file = '{folder}/server.key'\n")

server = subprocess.Popen([*as_user, f"{bindir}/postgres", "-D", data],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
deadline = time.time() + 30
while True:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        break
    except OSError:
        if time.time() > deadline or server.poll() is not None:
            sys.exit("the TLS test server did not start")
        time.sleep(0.1)
time.sleep(0.3)  # accepting TCP comes just before accepting logins
print(port, flush=True)
sys.stdin.read()
server.terminate()
server.wait()
shutil.rmtree(folder, ignore_errors=True)
