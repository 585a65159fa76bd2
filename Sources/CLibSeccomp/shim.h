// libseccomp (Debian: libseccomp-dev): the allowlist is compiled with it in the parent.
#include <seccomp.h>
