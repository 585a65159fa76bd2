# Sleeps without using CPU: only the parent's wall-clock limit stops it.
import time
time.sleep(3600)
