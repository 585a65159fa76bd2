# Writes a file outside the scratch folder (argv[1]).
import sys
try:
    with open(sys.argv[1], "w") as f:
        f.write("pwned")
    print("ESCAPED: wrote", sys.argv[1])
except OSError as e:
    print("denied:", e.errno)
