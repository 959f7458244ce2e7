"""Starts a Citus cluster on loopback in the folder given: a coordinator and two workers
(Debian's PostgreSQL 15 with Citus and pgvector, as tests/citus/setup installs them; three
data folders, three ports), each with a database `silica` holding the citus extension, the
workers added to the coordinator with citus_add_node. Prints the coordinator's URL, then
one line per worker with its URL, then `ready`.

Then reads commands on stdin, one a line, answering each with `ok` (or `error: ...`):
  stop N    stops worker N (1 or 2) at once (`pg_ctl stop -m immediate`: as if it died)
  start N   starts worker N again
When stdin closes (the test that started it ended or died), stops every node and deletes
the folder. Run as root, the servers run as Debian's `postgres` user.

    python3 tests/citus/cluster.py /tmp/cluster      # and Ctrl-D to stop it
"""
import os
import shutil
import socket
import subprocess
import sys

BINDIR = "/usr/lib/postgresql/15/bin"
DATABASE = "silica"

folder = os.path.abspath(sys.argv[1])
as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def run(*args, quiet=True):
    subprocess.run([*as_user, *args], check=True, stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL if quiet else None, stderr=subprocess.PIPE)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Node:
    def __init__(self, name):
        self.name = name
        self.data = os.path.join(folder, name)
        self.port = free_port()
        os.makedirs(self.data)
        if as_user:
            shutil.chown(self.data, "postgres", "postgres")
        run(f"{BINDIR}/initdb", "-D", self.data, "-U", "postgres", "--auth=trust")
        with open(os.path.join(self.data, "pg_hba.conf"), "w") as f:
            f.write("local all all trust\nhost all all 127.0.0.1/32 trust\n")
        with open(os.path.join(self.data, "postgresql.conf"), "a") as f:
            f.write(f"port = {self.port}\nlisten_addresses = '127.0.0.1'\n")
            f.write(f"unix_socket_directories = '{self.data}'\n")
            f.write("shared_preload_libraries = 'citus'\n")
            # Two-phase commit of multi-shard transactions needs prepared transactions.
            f.write("max_prepared_transactions = 100\n")
            # The nodes talk over loopback without TLS (Citus asks for it by default).
            f.write("citus.node_conninfo = 'sslmode=disable'\n")
            f.write("fsync = off\n")

    @property
    def url(self):
        return f"postgresql://postgres@127.0.0.1:{self.port}/{DATABASE}"

    def start(self):
        run(f"{BINDIR}/pg_ctl", "-D", self.data, "-l", os.path.join(self.data, "log"), "-w",
            "start")

    def stop(self, mode="fast"):
        run(f"{BINDIR}/pg_ctl", "-D", self.data, "-m", mode, "-w", "stop")

    def sql(self, statement, database=DATABASE):
        run(f"{BINDIR}/psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
            "-d", database, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", statement)


os.makedirs(folder, exist_ok=True)
if as_user:
    os.chmod(folder, 0o755)
nodes = []
try:
    nodes = [Node("coordinator"), Node("worker1"), Node("worker2")]
    for node in nodes:
        node.start()
        node.sql(f"CREATE DATABASE {DATABASE}", database="postgres")
        node.sql("CREATE EXTENSION citus")
    coordinator, workers = nodes[0], nodes[1:]
    coordinator.sql(f"SELECT citus_set_coordinator_host('127.0.0.1', {coordinator.port})")
    for worker in workers:
        coordinator.sql(f"SELECT citus_add_node('127.0.0.1', {worker.port})")
except subprocess.CalledProcessError as e:
    print(f"error: {' '.join(e.cmd[len(as_user):][:2])}: {e.stderr.decode().strip()}",
          flush=True)
    for node in nodes:
        try:
            node.stop("immediate")
        except subprocess.CalledProcessError:
            pass
    shutil.rmtree(folder, ignore_errors=True)
    sys.exit(1)

print(coordinator.url, flush=True)
for worker in workers:
    print(worker.url, flush=True)
print("ready", flush=True)

for line in sys.stdin:
    words = line.split()
    try:
        verb, n = words[0], int(words[1])
        worker = workers[n - 1]
        if verb == "stop":
            worker.stop("immediate")
        elif verb == "start":
            worker.start()
        else:
            raise ValueError(verb)
        print("ok", flush=True)
    except (IndexError, ValueError) as e:
        print(f"error: not a command: {line.strip()!r} ({e})", flush=True)
    except subprocess.CalledProcessError as e:
        print(f"error: {e.stderr.decode().strip()}", flush=True)

# Every node stopped, whichever state a test left it in (a worker it stopped stays so).
for node in nodes:
    for mode in ("fast", "immediate"):
        try:
            node.stop(mode)
            break
        except subprocess.CalledProcessError:
            pass
shutil.rmtree(folder, ignore_errors=True)
