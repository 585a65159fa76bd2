# Thread bomb: 300 sleeping threads; the process limit (RLIMIT_NPROC) stops it.
import threading, time
threads = []
for _ in range(300):
    t = threading.Thread(target=time.sleep, args=(3,), daemon=True)
    t.start()
    threads.append(t)
print("ESCAPED: started", len(threads), "threads")
