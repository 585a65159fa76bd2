# Thread bomb with small stacks, so the address-space limit is no obstacle: only the process
# limit stops it, and RLIMIT_NPROC is enforced only for an unprivileged identity.
import threading, time
threading.stack_size(1 << 18)
threads = []
for _ in range(300):
    t = threading.Thread(target=time.sleep, args=(3,), daemon=True)
    t.start()
    threads.append(t)
print("ESCAPED: started", len(threads), "threads")
