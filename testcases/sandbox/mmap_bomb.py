# Memory bomb through anonymous mmap, touching every page.
import mmap
maps = []
while True:
    m = mmap.mmap(-1, 16 << 20)
    m.write(b"x" * (16 << 20))
    maps.append(m)
