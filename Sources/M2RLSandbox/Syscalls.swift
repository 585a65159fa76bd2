// Every system call the parent side of the sandbox makes goes through this file, so EINTR is
// handled in one place and each call names its C counterpart. Calls that fail return -1 and
// leave errno set, as in C; callers turn that into a SandboxError with context.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CM2RLSandbox

enum Sys {
    /// Retries `body` while it fails with EINTR.
    @inline(__always)
    static func retrying<T: FixedWidthInteger>(_ body: () -> T) -> T {
        while true {
            let rc = body()
            if rc == -1 && errno == EINTR { continue }
            return rc
        }
    }

    /// pipe2(2) with O_CLOEXEC. Returns (read end, write end).
    static func pipe() -> (Int32, Int32)? {
        var fds: [Int32] = [-1, -1]
        guard m2rl_pipe_cloexec(&fds) == 0 else { return nil }
        return (fds[0], fds[1])
    }

    /// socketpair(2), AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC.
    static func socketPair() -> (Int32, Int32)? {
        var fds: [Int32] = [-1, -1]
        guard Glibc.socketpair(AF_UNIX, Int32(SOCK_SEQPACKET.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) == 0
        else { return nil }
        return (fds[0], fds[1])
    }

    /// fcntl(F_DUPFD_CLOEXEC) to a descriptor >= 10 when `fd` is lower, so the child's dup2
    /// onto 0, 1, 2 and the fixed descriptors 3 and 4 never clobbers another of its sources.
    static func aboveStandard(_ fd: Int32) -> Int32 {
        guard fd < 10 else { return fd }
        let moved = Glibc.fcntl(fd, F_DUPFD_CLOEXEC, Int32(10))
        let saved = errno
        Glibc.close(fd)  // moved or not, the low descriptor is not kept
        errno = saved
        return moved
    }

    /// copy_file_range(2) from the current offsets; falls back to read/write where the file
    /// systems do not support it (EXDEV, EINVAL, ENOSYS).
    static func copyFileRange(from source: Int32, to target: Int32, count: Int) -> Int {
        let n = retrying { m2rl_copy_file_range(source, target, count) }
        guard n < 0, [EXDEV, EINVAL, ENOSYS, EOPNOTSUPP].contains(errno) else { return n }
        var buffer = [UInt8](repeating: 0, count: min(count, 1 << 20))
        let got = buffer.withUnsafeMutableBytes { read(source, $0) }
        guard got > 0 else { return got }
        return buffer.withUnsafeBytes { write(target, UnsafeRawBufferPointer(rebasing: $0[0..<got])) }
    }

    /// fcntl(F_SETFL, O_NONBLOCK).
    static func setNonBlocking(_ fd: Int32) -> Bool {
        let flags = Glibc.fcntl(fd, F_GETFL)
        return flags >= 0 && Glibc.fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0
    }

    static func close(_ fd: Int32) {
        if fd >= 0 { _ = Glibc.close(fd) }  // EINTR on close must not be retried on Linux
    }

    static func read(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
        retrying { Glibc.read(fd, buffer.baseAddress, buffer.count) }
    }

    static func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int {
        retrying { Glibc.write(fd, buffer.baseAddress, buffer.count) }
    }

    /// poll(2); EINTR counts as "nothing ready" so the caller recomputes its timeout.
    static func poll(_ fds: inout [pollfd], timeoutMs: Int32) -> Int32 {
        let rc = Glibc.poll(&fds, nfds_t(fds.count), timeoutMs)
        if rc == -1 && errno == EINTR { return 0 }
        return rc
    }

    /// wait4(2) for one child, blocking.
    static func wait4(_ pid: pid_t) -> (status: Int32, usage: rusage)? {
        var status: Int32 = 0
        var usage = rusage()
        let rc = retrying { Glibc.wait4(pid, &status, 0, &usage) }
        return rc == pid ? (status, usage) : nil
    }

    /// pidfd_send_signal(2) to the run's first process (the PID namespace's init: its death
    /// kills everything in the namespace) and kill(2) to its process group, for runs without a
    /// PID namespace. ESRCH is expected when the run has already ended.
    static func killTree(pid: pid_t, pidfd: Int32) {
        _ = m2rl_pidfd_send_signal(pidfd, SIGKILL)
        if pid > 0 { _ = Glibc.kill(-pid, SIGKILL) }
    }

    /// One descriptor sent with SCM_RIGHTS (close-on-exec), or -1 with errno.
    static func receiveDescriptor(_ socket: Int32) -> Int32 {
        var byte: UInt8 = 0
        var fd: Int32 = -1
        var count: Int32 = 0
        let n = m2rl_recv_with_fds(socket, &byte, 1, &fd, 1, &count)
        guard n == 1, count == 1 else {
            if n >= 0 { errno = EPROTO }
            return -1
        }
        return fd
    }

    /// SECCOMP_IOCTL_NOTIF_RECV: one blocked call (its id, the caller's pid, the syscall).
    static func seccompNotification(_ listener: Int32) -> (id: UInt64, pid: Int32, nr: Int32)? {
        var id: UInt64 = 0
        var pid: Int32 = 0
        var nr: Int32 = 0
        return m2rl_seccomp_notif_recv(listener, &id, &pid, &nr) == 0 ? (id, pid, nr) : nil
    }

    /// SECCOMP_IOCTL_NOTIF_SEND with FLAG_CONTINUE: the blocked call runs.
    static func seccompContinue(_ listener: Int32, id: UInt64) {
        _ = m2rl_seccomp_notif_continue(listener, id)
    }

    /// clock_gettime(CLOCK_MONOTONIC) in nanoseconds.
    static func monotonicNanos() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    static func errnoName(_ code: Int32) -> String {
        let names: [Int32: String] = [
            EPERM: "EPERM", ENOENT: "ENOENT", EACCES: "EACCES", EINVAL: "EINVAL", ENOSPC: "ENOSPC",
            ENOSYS: "ENOSYS", EAGAIN: "EAGAIN", ENOMEM: "ENOMEM", EBADF: "EBADF", EEXIST: "EEXIST",
            EOPNOTSUPP: "EOPNOTSUPP", E2BIG: "E2BIG", EFAULT: "EFAULT", EBUSY: "EBUSY",
        ]
        let name = names[code] ?? "errno \(code)"
        return "\(name) (\(String(cString: strerror(code))))"
    }
}
