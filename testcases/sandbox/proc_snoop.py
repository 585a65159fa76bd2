# Looks at other processes through /proc.
import os
pids = [int(p) for p in os.listdir("/proc") if p.isdigit()]
mine = os.getpid()
others = [p for p in pids if p != mine]
if others:
    print("ESCAPED: sees", len(others), "other processes")
else:
    print("sees only itself, pid", mine)
