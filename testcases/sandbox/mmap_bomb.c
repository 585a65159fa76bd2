/* Maps and populates 16 MiB regions until mmap fails, then aborts. */
#include <stdlib.h>
#include <sys/mman.h>
int main(void) {
    for (;;) {
        void *p = mmap(NULL, 16 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
        if (p == MAP_FAILED) abort();
    }
}
