// zlib (Debian: zlib1g-dev): inflating LiveCodeBench's packed private test cases.
#include <zlib.h>
