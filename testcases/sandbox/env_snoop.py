# Prints its environment: only what the profile gives, nothing of the caller's.
import os
print(sorted(os.environ))
