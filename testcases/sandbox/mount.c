/* Mounts a tmpfs over /tmp. */
#include <stdio.h>
#include <sys/mount.h>
int main(void) {
    if (mount("none", "/tmp", "tmpfs", 0, NULL) == 0) puts("ESCAPED: mounted");
    else perror("mount");
    return 0;
}
