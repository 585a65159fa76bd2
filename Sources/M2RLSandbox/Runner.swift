import Foundation
import CM2RLSandbox

/// Everything one step needs, resolved (placeholders expanded, limits merged).
struct RunRequest {
    var command: [String]
    var environment: [String]
    var scratch: String
    var stdin: [UInt8]
    var limits: Limits
    var filesystem: FilesystemPolicy
    var filter: CompiledFilter?
    var isolation: Isolation
    var identity: Identity
    var memoryCgroup: (MemoryCgroup, Int)?
    var netnsFD: Int32
    var landlockABI: Int
    var memoryErrorPatterns: [String]
}

/// The parent side of one run: build the child's plan, start it, feed stdin, read stdout and
/// stderr under their caps, watch the wall clock and the seccomp listener, then classify.
enum Runner {
    static let stepNames: [Int32: (String, String)] = [
        1: ("signals", ""),
        2: ("session", ""),
        3: ("user namespace id maps", "user namespaces may be disabled for unprivileged users (sysctl kernel.unprivileged_userns_clone, user.max_user_namespaces, or an AppArmor restriction)"),
        4: ("join network namespace", ""),
        5: ("mounts (/proc)", ""),
        6: ("hostname", ""),
        7: ("standard descriptors", ""),
        8: ("chdir to scratch", ""),
        9: ("rlimits", ""),
        10: ("credentials", ""),
        11: ("no_new_privs", ""),
        12: ("landlock", "check that the profile's paths exist and Landlock is enabled (lsm= boot parameter)"),
        13: ("seccomp", ""),
        14: ("seccomp listener hand-over", ""),
        15: ("exec", "check the profile's runtime path exists and is executable"),
    ]

    /// A started child: its pid and pidfd, the parent's ends of its pipes, the seccomp
    /// listener. `close()` releases the descriptors (not the process).
    struct Spawned {
        var pid: pid_t
        var pidfd: Int32
        var stdinWrite: Int32
        var stdoutRead: Int32
        var stderrRead: Int32
        var listener: Int32
        var start: UInt64
        var cgroup: (MemoryCgroup, slot: Int, oomKillsBefore: Int)?
        var selfMaxRSS: Int

        func close() {
            for fd in [pidfd, stdinWrite, stdoutRead, stderrRead, listener] { Sys.close(fd) }
        }
    }

    static func run(_ request: RunRequest) throws -> Outcome {
        var child = try spawn(request)
        defer { child.close() }
        let (pid, pidfd, start, cgroup) = (child.pid, child.pidfd, child.start, child.cgroup)
        var io = IOLoop(
            stdinData: request.stdin, stdinFD: child.stdinWrite, stdoutFD: child.stdoutRead, stderrFD: child.stderrRead,
            listenerFDs: [child.listener], pidfd: pidfd, pid: pid, cap: request.limits.outputBytes,
            deadline: start + UInt64(request.limits.wall.milliseconds * 1_000_000))
        child.stdinWrite = -1  // the loop closes it once stdin is fed
        io.run()
        guard let (status, usage) = Sys.wait4(pid) else {
            throw SandboxError.system(call: "wait4", errno: Sys.errnoName(errno))
        }
        let wallNanos = (io.exitedAt ?? Sys.monotonicNanos()) - start
        io.drain()

        // Peak memory: the cgroup's exact figure, else ru_maxrss when it is the program's own
        // (above what the parent's peak left in it at exec), else unmeasured (0).
        var memory = Memory(peakKb: Int(usage.ru_maxrss) > child.selfMaxRSS ? Int(usage.ru_maxrss) : 0, oomKilled: false)
        if let (group, slot, before) = cgroup, let state = group.read(slot: slot, oomKillsBefore: before) {
            memory = Memory(peakKb: state.peakBytes / 1024, oomKilled: state.oomKilled)
        }
        return classify(
            request: request, status: status, usage: usage, memory: memory, wallNanos: wallNanos, io: io)
    }

    /// Starts the child of `request` (see docs/sandbox.md for the steps). `extraFD`, when
    /// given, reaches the program as descriptor M2RL_EXTRA_FD. The parent-death signal follows
    /// the calling *thread*; `longLived` programs (the zygote) go without it and watch their
    /// control socket instead.
    /// - Throws: `SandboxError` when a pipe, clone or a setup step in the child fails.
    static func spawn(_ request: RunRequest, extraFD: Int32 = -1, longLived: Bool = false) throws -> Spawned {
        // Descriptors: stdin, stdout, stderr pipes and the listener socket.
        var owned: [Int32] = []
        defer { owned.forEach(Sys.close) }
        func high(_ fd: Int32) throws -> Int32 {
            let moved = Sys.aboveStandard(fd)
            guard moved >= 0 else { throw SandboxError.system(call: "fcntl(F_DUPFD_CLOEXEC)", errno: Sys.errnoName(errno)) }
            owned.append(moved)
            return moved
        }
        func pipe() throws -> (Int32, Int32) {
            guard let (r, w) = Sys.pipe() else { throw SandboxError.system(call: "pipe2", errno: Sys.errnoName(errno)) }
            let read = try high(r)
            return (read, try high(w))
        }
        let (stdinRead, stdinWrite) = try pipe()
        let (stdoutRead, stdoutWrite) = try pipe()
        let (stderrRead, stderrWrite) = try pipe()
        var listenerSocketChild: Int32 = -1
        var listenerSocketParent: Int32 = -1
        if let filter = request.filter, filter.notifies {
            guard let (a, b) = Sys.socketPair() else {
                throw SandboxError.system(call: "socketpair", errno: Sys.errnoName(errno))
            }
            listenerSocketParent = a
            owned.append(a)
            listenerSocketChild = try high(b)
        }

        // C strings that live until the child has exec'd.
        var cStrings: [UnsafeMutablePointer<CChar>] = []
        defer { cStrings.forEach { free($0) } }
        func c(_ s: String) -> UnsafeMutablePointer<CChar> {
            let p = strdup(s)!
            cStrings.append(p)
            return p
        }
        let argv: [UnsafeMutablePointer<CChar>?] = request.command.map { c($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = request.environment.map { c($0) } + [nil]

        let rlimits = request.isolation.contains(.rlimits) ? rlimitList(request.limits) : []
        let rules = request.landlockABI > 0 ? landlockRules(request, c) : []

        var plan = m2rl_plan()
        plan.path = UnsafePointer(c(request.command[0]))
        plan.cwd = UnsafePointer(c(request.scratch))
        plan.stdin_fd = stdinRead
        plan.stdout_fd = stdoutWrite
        plan.stderr_fd = stderrWrite
        plan.extra_fd = extraFD
        plan.keep_on_parent_death = longLived ? 1 : 0
        var namespaces: Int32 = 0
        if request.isolation.contains(.namespaces) {
            namespaces |= Int32(M2RL_CLONE_NEWPID | M2RL_CLONE_NEWNS | M2RL_CLONE_NEWIPC | M2RL_CLONE_NEWUTS)
            plan.mount_proc = 1
            plan.hostname = UnsafePointer(c("m2rl"))
        }
        if request.identity.mode == Int32(M2RL_USER_USERNS.rawValue) {
            namespaces |= Int32(M2RL_CLONE_NEWUSER)
            // A joined namespace must belong to our user namespace: make one per run instead.
            if request.isolation.contains(.network) { namespaces |= Int32(M2RL_CLONE_NEWNET) }
        }
        plan.clone_namespaces = namespaces
        plan.netns_fd = request.netnsFD
        plan.user_mode = request.identity.mode
        plan.uid = request.identity.uid
        plan.gid = request.identity.gid
        plan.landlock_abi = Int32(request.landlockABI)
        plan.landlock_handled_fs = LandlockAccess.handled(abi: request.landlockABI)
        plan.landlock_scoped = LandlockAccess.scoped(abi: request.landlockABI)
        plan.no_new_privs = request.isolation.contains(.seccomp) || request.isolation.contains(.landlock) ? 1 : 0
        plan.seccomp = request.filter.map { UnsafePointer($0.program) }
        plan.seccomp_listener_socket = listenerSocketChild

        var cgroup: (MemoryCgroup, slot: Int, oomKillsBefore: Int)?
        if let (group, slot) = request.memoryCgroup,
           let prepared = group.prepare(slot: slot, limitBytes: request.isolation.contains(.rlimits) ? request.limits.memoryBytes : nil) {
            plan.cgroup_procs = UnsafePointer(c(prepared.procs))
            cgroup = (group, slot, prepared.oomKills)
        }
        var selfUsage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &selfUsage)

        let start = Sys.monotonicNanos()
        var pidfd: Int32 = -1
        let pid: pid_t = argv.withUnsafeBufferPointer { argvBuf in
            envp.withUnsafeBufferPointer { envpBuf in
                rlimits.withUnsafeBufferPointer { rlimitBuf in
                    rules.withUnsafeBufferPointer { ruleBuf in
                        plan.argv = UnsafePointer(argvBuf.baseAddress)
                        plan.envp = UnsafePointer(envpBuf.baseAddress)
                        plan.rlimits = rlimitBuf.baseAddress
                        plan.rlimit_count = Int32(rlimitBuf.count)
                        plan.landlock_rules = ruleBuf.baseAddress
                        plan.landlock_rule_count = Int32(ruleBuf.count)
                        return m2rl_spawn(&plan, &pidfd)
                    }
                }
            }
        }
        guard pid > 0 else {
            let code = errno
            var hint = ""
            if code == EPERM || code == ENOSPC || code == EINVAL {
                hint = request.identity.mode == Int32(M2RL_USER_USERNS.rawValue)
                    ? "; unprivileged user namespaces seem disabled here (user.max_user_namespaces, "
                        + "kernel.unprivileged_userns_clone, AppArmor): enable them, run as root, or accept a lower "
                        + "level with --isolation no-namespaces,no-credentials,no-network"
                    : ""
            }
            throw SandboxError.system(call: "clone", errno: Sys.errnoName(code) + hint)
        }
        owned.append(pidfd)
        // The child's ends belong to the child now.
        for fd in [stdinRead, stdoutWrite, stderrWrite, listenerSocketChild] where fd >= 0 {
            Sys.close(fd)
            owned.removeAll { $0 == fd }
        }

        if plan.failed_step != 0 {
            _ = Sys.wait4(pid)
            let (name, hint) = stepNames[plan.failed_step] ?? ("step \(plan.failed_step)", "")
            throw SandboxError.childSetup(step: name, errno: Sys.errnoName(plan.failed_errno), hint: hint)
        }

        var listener: Int32 = -1
        if listenerSocketParent >= 0 {
            listener = Sys.receiveDescriptor(listenerSocketParent)
            if listener < 0 {
                Sys.killTree(pid: pid, pidfd: pidfd)
                _ = Sys.wait4(pid)
                throw SandboxError.system(call: "receive seccomp listener", errno: Sys.errnoName(errno))
            }
            owned.append(listener)
        }

        owned.removeAll { [pidfd, stdinWrite, stdoutRead, stderrRead, listener].contains($0) }
        return Spawned(
            pid: pid, pidfd: pidfd, stdinWrite: stdinWrite, stdoutRead: stdoutRead, stderrRead: stderrRead,
            listener: listener, start: start, cgroup: cgroup, selfMaxRSS: Int(selfUsage.ru_maxrss))
    }

    struct Memory {
        var peakKb: Int
        var oomKilled: Bool
    }

    static func classify(request: RunRequest, status: Int32, usage: rusage, memory: Memory, wallNanos: UInt64, io: IOLoop) -> Outcome {
        let exited = status & 0x7f == 0
        let exitCode: Int32? = exited ? (status >> 8) & 0xff : nil
        let signal: Int32? = exited ? nil : status & 0x7f
        let cpuMicros = Int(usage.ru_utime.tv_sec) * 1_000_000 + Int(usage.ru_utime.tv_usec)
            + Int(usage.ru_stime.tv_sec) * 1_000_000 + Int(usage.ru_stime.tv_usec)
        var outcome = Outcome(
            status: .ok, exitCode: exitCode, signal: signal, cpuMs: cpuMicros / 1000, wallMs: Int(wallNanos / 1_000_000),
            peakMemoryKb: memory.peakKb,
            stdout: String(decoding: io.stdout, as: UTF8.self), stderr: String(decoding: io.stderr, as: UTF8.self),
            stdoutTruncated: io.stdoutTruncated, stderrTruncated: io.stderrTruncated)
        let cpuLimitMicros = Int(request.limits.cpu.milliseconds * 1000)
        let failed = exitCode != 0
        if let nr = io.violation {
            outcome.status = .syscallViolation
            outcome.violation = SyscallTable.name(nr)
        } else if signal == SIGSYS {
            outcome.status = .syscallViolation
            outcome.violation = "a syscall of another architecture (killed by SIGSYS)"
        } else if io.killedForOutput || io.stdoutTruncated || io.stderrTruncated {
            outcome.status = .outputLimit
        } else if io.killedForWall {
            outcome.status = .wallTimeLimit
        } else if cpuMicros > cpuLimitMicros || (signal == SIGXCPU) || (signal == SIGKILL && cpuMicros >= cpuLimitMicros - 50_000) {
            outcome.status = .timeLimit
        } else if memory.oomKilled || (failed && isOutOfMemory(request: request, peakKb: memory.peakKb, stderr: io.stderr)) {
            outcome.status = .memoryLimit
        } else if failed {
            outcome.status = .runtimeError
        }
        return outcome
    }

    /// A failed program died for lack of memory: its last words name it (`MemoryError`,
    /// `std::bad_alloc`, per profile), or its peak memory reached 90% of the limit.
    static func isOutOfMemory(request: RunRequest, peakKb: Int, stderr: [UInt8]) -> Bool {
        guard request.isolation.contains(.rlimits) else { return false }
        let tail = String(decoding: stderr.suffix(4096), as: UTF8.self)
        if request.memoryErrorPatterns.contains(where: { tail.contains($0) }) { return true }
        return peakKb * 1024 >= request.limits.memoryBytes / 10 * 9
    }

    static func rlimitList(_ limits: Limits) -> [m2rl_rlimit] {
        func limit(_ resource: Int32, _ value: Int) -> m2rl_rlimit {
            m2rl_rlimit(resource: resource, value: rlimit(rlim_cur: rlim_t(value), rlim_max: rlim_t(value)))
        }
        let cpuSeconds = Int((limits.cpu.milliseconds / 1000).rounded(.up))
        return [
            limit(Int32(RLIMIT_CPU.rawValue), max(1, cpuSeconds)),
            limit(Int32(RLIMIT_AS.rawValue), limits.memoryBytes),
            limit(M2RL_RLIMIT_NPROC, limits.processes),
            limit(Int32(RLIMIT_NOFILE.rawValue), limits.openFiles),
            limit(Int32(RLIMIT_FSIZE.rawValue), limits.fileSizeBytes),
            limit(Int32(RLIMIT_STACK.rawValue), limits.stackBytes),
            limit(Int32(RLIMIT_CORE.rawValue), 0),
            limit(M2RL_RLIMIT_MEMLOCK, 0),
        ]
    }

    /// Landlock rules for the step: profile paths (missing ones skipped), the scratch folder.
    static func landlockRules(
        _ request: RunRequest, _ c: (String) -> UnsafeMutablePointer<CChar>
    ) -> [m2rl_landlock_rule] {
        var rules: [m2rl_landlock_rule] = []
        func add(_ path: String, _ access: UInt64) {
            var info = stat()
            guard stat(path, &info) == 0 else { return }
            let isDir = info.st_mode & S_IFMT == S_IFDIR
            let handled = LandlockAccess.handled(abi: request.landlockABI)
            let rights = (isDir ? access : access & LandlockAccess.fileRights) & handled
            rules.append(m2rl_landlock_rule(path: UnsafePointer(c(path)), access: rights))
        }
        for path in request.filesystem.read { add(path, LandlockAccess.read) }
        for path in request.filesystem.readWrite { add(path, LandlockAccess.readWrite) }
        for path in request.filesystem.execute { add(path, LandlockAccess.execute | LandlockAccess.read) }
        add(request.scratch, LandlockAccess.scratch(abi: request.landlockABI))
        return rules
    }
}

/// The parent's poll loop over one run's descriptors.
struct IOLoop {
    let stdinData: [UInt8]
    var stdinFD: Int32
    let stdoutFD: Int32
    let stderrFD: Int32
    let listenerFDs: [Int32]
    let pidfd: Int32
    let pid: pid_t
    let cap: Int
    let deadline: UInt64

    var stdout: [UInt8] = []
    var stderr: [UInt8] = []
    var stdoutTruncated = false
    var stderrTruncated = false
    var stdinOffset = 0
    var stdoutOpen = true
    var stderrOpen = true
    var exitedAt: UInt64?
    var killed = false
    var killedForOutput = false
    var killedForWall = false
    var violation: Int32?
    /// Listeners that reported POLLHUP: no task uses their filter any more.
    var listenersDone: Set<Int32> = []
    /// A trusted process (the zygote) whose notified `clone` (its fork) is let through.
    var trustedPID: pid_t = -1
    static let cloneNumber = SyscallTable.number("clone")!

    /// Takes one notification from `listener`: a `clone` by `trustedPID` (the zygote's own
    /// fork) is let through and nil returned; any other call is a violation, returned as its
    /// syscall number (still blocked, for the caller to kill). Nil too when nothing was pending.
    static func screen(_ listener: Int32, trustedPID: pid_t) -> Int32? {
        guard let call = Sys.seccompNotification(listener) else { return nil }
        if call.pid == trustedPID && call.nr == cloneNumber {
            Sys.seccompContinue(listener, id: call.id)
            return nil
        }
        return call.nr
    }

    /// - Parameters:
    ///   - listenerFDs: seccomp listeners to watch (negative entries are ignored).
    ///   - pidfd: becomes readable when the program exits; the kill signal goes through it.
    ///   - pid: the program's pid in this namespace, whose process group is killed too; 0 when
    ///     the program is not our child (a zygote's test).
    init(stdinData: [UInt8], stdinFD: Int32, stdoutFD: Int32, stderrFD: Int32, listenerFDs: [Int32], pidfd: Int32,
         pid: pid_t, cap: Int, deadline: UInt64) {
        self.stdinData = stdinData
        self.stdinFD = stdinFD
        self.stdoutFD = stdoutFD
        self.stderrFD = stderrFD
        self.listenerFDs = listenerFDs.filter { $0 >= 0 }
        self.pidfd = pidfd
        self.pid = pid
        self.cap = cap
        self.deadline = deadline
        _ = Sys.setNonBlocking(stdinFD)
        _ = Sys.setNonBlocking(stdoutFD)
        _ = Sys.setNonBlocking(stderrFD)
        if stdinData.isEmpty { closeStdin() }
    }

    mutating func closeStdin() {
        Sys.close(stdinFD)
        stdinFD = -1
    }

    mutating func kill() {
        if !killed { Sys.killTree(pid: pid, pidfd: pidfd) }
        killed = true
    }

    /// Runs until the first process exits (and the listener is quiet).
    mutating func run() {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while exitedAt == nil {
            let now = Sys.monotonicNanos()
            if now >= deadline && !killed {
                killedForWall = true
                kill()
            }
            var fds: [pollfd] = [pollfd(fd: pidfd, events: Int16(POLLIN), revents: 0)]
            if stdoutOpen { fds.append(pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)) }
            if stderrOpen { fds.append(pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0)) }
            if stdinFD >= 0 { fds.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
            if violation == nil {
                for fd in listenerFDs where !listenersDone.contains(fd) { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            }
            let timeout = killed ? 1000 : Int32(clamping: (deadline - min(now, deadline)) / 1_000_000 + 1)
            if Sys.poll(&fds, timeoutMs: timeout) < 0 { break }
            for entry in fds where entry.revents != 0 {
                switch entry.fd {
                case pidfd:
                    exitedAt = Sys.monotonicNanos()
                case stdoutFD, stderrFD:
                    readAvailable(entry.fd, &buffer)
                case stdinFD:
                    feedStdin()
                default:
                    guard listenerFDs.contains(entry.fd) else { break }
                    if entry.revents & Int16(POLLIN) != 0 {
                        if let nr = IOLoop.screen(entry.fd, trustedPID: trustedPID) {
                            violation = nr
                            kill()
                        }
                    } else if entry.revents & Int16(POLLHUP | POLLERR) != 0 {
                        listenersDone.insert(entry.fd)
                    }
                }
            }
        }
        if stdinFD >= 0 { closeStdin() }
    }

    /// After the first process has exited: read what is left in the pipes. With a PID
    /// namespace every process of the run is gone and the pipes are at EOF; without one a
    /// leftover process could hold them, so this waits at most until the deadline.
    mutating func drain() {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let limit = min(deadline, Sys.monotonicNanos() + 2_000_000_000)
        while stdoutOpen || stderrOpen {
            var fds: [pollfd] = []
            if stdoutOpen { fds.append(pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)) }
            if stderrOpen { fds.append(pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0)) }
            let now = Sys.monotonicNanos()
            if now >= limit { break }
            if Sys.poll(&fds, timeoutMs: Int32((limit - now) / 1_000_000 + 1)) <= 0 { break }
            for entry in fds where entry.revents != 0 { readAvailable(entry.fd, &buffer) }
        }
    }

    mutating func readAvailable(_ fd: Int32, _ buffer: inout [UInt8]) {
        while true {
            let n = buffer.withUnsafeMutableBytes { Sys.read(fd, $0) }
            if n > 0 {
                let isOut = fd == stdoutFD
                let current = isOut ? stdout.count : stderr.count
                let room = max(0, cap - current)
                let take = min(room, n)
                if isOut { stdout.append(contentsOf: buffer[0..<take]) } else { stderr.append(contentsOf: buffer[0..<take]) }
                if n > room {
                    if isOut { stdoutTruncated = true } else { stderrTruncated = true }
                    // Never signal after the program has exited: its pid may be reaped and reused.
                    if exitedAt == nil {
                        if !killed { killedForOutput = true }
                        kill()
                    }
                }
                if n < buffer.count { return }
            } else if n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) {
                if fd == stdoutFD { stdoutOpen = false } else { stderrOpen = false }
                return
            } else {
                return
            }
        }
    }

    mutating func feedStdin() {
        while stdinOffset < stdinData.count {
            let n = stdinData.withUnsafeBytes { Sys.write(stdinFD, UnsafeRawBufferPointer(rebasing: $0[stdinOffset...])) }
            if n > 0 {
                stdinOffset += n
            } else {
                if errno == EAGAIN || errno == EWOULDBLOCK { return }
                break  // EPIPE: the program closed its stdin or ended
            }
        }
        closeStdin()
    }
}
