# A hostile training script: it tries to read another account's files and to reach the database and
# the network. The test fills in the __PLACEHOLDERS__. Every attempt prints one line, "ATTEMPT <name>:
# blocked (...)" or "ATTEMPT <name>: SUCCEEDED ..."; inside Crucible's sandbox all must be blocked.
import os
import socket

VICTIM_BLOB = "__VICTIM_BLOB__"
DATA_DIR = "__DATA_DIR__"
DATABASE_PORT = int("__DATABASE_PORT__")
LOCAL_SERVER_PORT = int("__LOCAL_SERVER_PORT__")


def attempt(name, action):
    try:
        print(f"ATTEMPT {name}: SUCCEEDED {action()!r}"[:300])
    except Exception as error:  # the sandbox's answer
        print(f"ATTEMPT {name}: blocked ({type(error).__name__}: {error})")


def read(path):
    with open(path, "rb") as f:
        return f.read(200)


def connect(host, port):
    with socket.create_connection((host, port), timeout=3) as connection:
        connection.sendall(b"GET / HTTP/1.0\r\n\r\n")
        return connection.recv(100)


def host_init():
    # Inside the sandbox, /proc/1 is bubblewrap's reaper, not the host's init.
    cmdline = read("/proc/1/cmdline").split(b"\0")[0].decode()
    try:
        environ = [entry for entry in read("/proc/1/environ").split(b"\0") if entry]
        seen = f"{len(environ)} variables"
    except OSError as error:
        environ, seen = None, f"unreadable ({error})"
    if cmdline.endswith("bwrap"):
        raise PermissionError(f"pid 1 is the sandbox's own {cmdline}; its environment: {seen}")
    return (cmdline, environ)


attempt("victim-blob", lambda: read(VICTIM_BLOB))
attempt("data-dir-list", lambda: os.listdir(DATA_DIR))
attempt("data-dir-blobs", lambda: os.listdir(os.path.join(DATA_DIR, "blobs")))
attempt("host-init-environ", host_init)
attempt("database", lambda: connect("127.0.0.1", DATABASE_PORT))
attempt("local-server", lambda: connect("127.0.0.1", LOCAL_SERVER_PORT))
attempt("internet-address", lambda: connect("1.1.1.1", 80))
attempt("internet-name", lambda: connect("example.com", 80))
print("visible root:", sorted(os.listdir("/")))
