# Infinite loop: the CPU-time limit stops it.
x = 0
while True:
    x += 1
