# Memory bomb: grow a list of 1 MiB strings without end.
chunks = []
while True:
    chunks.append(bytearray(1 << 20))
