# Writes a 32 MiB file into its scratch folder (beyond the file-size limit).
with open("big.bin", "wb") as f:
    for _ in range(32):
        f.write(b"\0" * (1 << 20))
print("ESCAPED: wrote 32 MiB")
