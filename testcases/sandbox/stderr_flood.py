# Floods standard error instead of standard output.
import os
while True:
    os.write(2, b"e" * 65536)
