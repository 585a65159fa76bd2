# Reads a planted secret outside the allowed paths (argv[1]).
import sys
try:
    with open(sys.argv[1]) as f:
        print("ESCAPED:", f.read())
except OSError as e:
    print("denied:", e.errno)
