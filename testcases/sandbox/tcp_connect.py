# Connects to a TCP server on 127.0.0.1 (port in argv[1]).
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.settimeout(2)
try:
    s.connect(("127.0.0.1", int(sys.argv[1])))
    print("ESCAPED: connected")
except OSError as e:
    print("denied:", e.errno)
