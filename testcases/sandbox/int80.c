/* A 32-bit syscall (int $0x80: getpid) from a 64-bit process: another architecture's table. */
int main(void) {
    long ret;
    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(20) : "memory");
    return (int)ret;
}
