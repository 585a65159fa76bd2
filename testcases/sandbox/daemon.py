# A double-forked daemon that tries to outlive the run (it would write argv[1] later).
import os, time, sys
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        time.sleep(4)
        with open(sys.argv[1], "w") as f:
            f.write("ESCAPED: daemon survived")
        os._exit(0)
    os._exit(0)
print("parent done")
