# Giant recursion on the C stack with the recursion limit lifted: every level goes through a C
# function (functools.reduce), so the stack limit stops it with SIGSEGV. (Plain
# Python-to-Python calls no longer use the C stack.)
import functools, sys
sys.setrecursionlimit(10**8)
def down(n):
    return functools.reduce(lambda a, b: down(n + 1), [0, 1])
down(0)
