/* Exits with status 3 after printing. */
#include <stdio.h>
int main(void) {
    puts("failing on purpose");
    return 3;
}
