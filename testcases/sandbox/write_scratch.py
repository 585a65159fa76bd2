# Writing inside the scratch folder (the working directory) is allowed.
import os
with open("data.txt", "w") as f:
    f.write("hello\n")
os.mkdir("sub")
with open("sub/x", "w") as f:
    f.write("1")
print(open("data.txt").read(), end="")
