# chroot attempt.
import os
try:
    os.chroot("/tmp")
    print("ESCAPED: chroot")
except OSError as e:
    print("denied:", e.errno)
