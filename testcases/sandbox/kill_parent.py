# Tries to kill the process that started it (argv[1] is the caller's pid).
import os, signal, sys
for pid in (os.getppid(), int(sys.argv[1])):
    if pid <= 1:
        continue
    try:
        os.kill(pid, signal.SIGKILL)
        print("ESCAPED: signalled", pid)
    except OSError as e:
        print("denied:", e.errno)
print("done")
