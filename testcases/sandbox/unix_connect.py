# Connects to a Unix socket outside the sandbox (path in argv[1]).
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
try:
    s.connect(sys.argv[1])
    print("ESCAPED: connected")
except OSError as e:
    print("denied:", e.errno)
