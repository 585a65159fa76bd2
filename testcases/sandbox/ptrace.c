/* ptrace(PTRACE_TRACEME). */
#include <stdio.h>
#include <sys/ptrace.h>
int main(void) {
    if (ptrace(PTRACE_TRACEME, 0, 0, 0) == 0) puts("ESCAPED: traced");
    else puts("denied");
    return 0;
}
