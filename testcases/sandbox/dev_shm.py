# Writes into /dev/shm, shared with the host.
import os, sys
path = "/dev/shm/m2rl-hostile-" + sys.argv[1]
try:
    with open(path, "w") as f:
        f.write("x")
    print("ESCAPED: wrote", path)
    os.unlink(path)
except OSError as e:
    print("denied:", e.errno)
