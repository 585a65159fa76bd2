# kill(-1, SIGKILL): every process the caller may signal. In its own PID namespace that is
# only itself's children, and the namespace's init ignores it.
import os, signal
try:
    os.kill(-1, signal.SIGKILL)
except OSError as e:
    print("denied:", e.errno)
print("still here")
