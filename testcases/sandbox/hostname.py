# Changes the host name.
import socket
try:
    socket.sethostname("pwned")
    print("ESCAPED: hostname")
except OSError as e:
    print("denied:", e.errno)
