# A training script that reaches out to the network before training. The test fills in the
# host:port of an HTTP server it runs on this machine (reachable from any normal process); inside
# the sandbox the connection must fail, and with it the job.
import os
import socket

HOST, PORT = "__TARGET__".split(":")
connection = socket.create_connection((HOST, int(PORT)), timeout=5)
connection.sendall(b"GET /exfiltrate HTTP/1.0\r\n\r\n")
print("connected:", connection.recv(100))
with open(os.path.join(os.environ["CRUCIBLE_OUTPUT"], "model.pkl"), "wb") as f:
    f.write(b"never written")
