# Opens 1000 descriptors.
import os
fds = []
try:
    for _ in range(1000):
        fds.append(os.open("/dev/null", os.O_RDONLY))
    print("ESCAPED: opened", len(fds))
except OSError as e:
    print("stopped after", len(fds), "errno", e.errno)
