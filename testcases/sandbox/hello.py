# Sanity: echo standard input back, upper-cased.
import sys
print(sys.stdin.read().upper(), end="")
