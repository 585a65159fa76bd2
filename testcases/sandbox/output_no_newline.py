# Writes without ever printing a newline, unbuffered: the output cap stops it.
import os
while True:
    os.write(1, b"x" * 65536)
