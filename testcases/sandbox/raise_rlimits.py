# Raises its own hard limits back to unlimited.
import resource
try:
    resource.setrlimit(resource.RLIMIT_CPU, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    print("ESCAPED: raised")
except (ValueError, OSError) as e:
    print("denied:", e)
