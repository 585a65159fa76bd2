// libarchive (Debian: libarchive-dev): every archive format m2rl reads goes through it.
#include <archive.h>
#include <archive_entry.h>
