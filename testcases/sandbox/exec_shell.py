# execve of /bin/sh.
import os
os.execv("/bin/sh", ["/bin/sh", "-c", "echo ESCAPED: shell"])
