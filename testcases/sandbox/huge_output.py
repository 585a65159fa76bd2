# Prints lines without end: the output cap stops it.
import sys
line = "spam " * 20 + "\n"
while True:
    sys.stdout.write(line)
