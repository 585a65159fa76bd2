import Foundation
import M2RLCore
import CM2RLSandbox

/// A pre-started, sandboxed Python interpreter that forks one fresh child per test
/// (DESIGN.md: "Compile once, run many").
///
/// The zygote runs under every layer of the python3 profile, with its syscall policy, plus a
/// control socket (descriptor 4) and `wait4`/`pidfd_open`. Its own fork is a notified `clone`
/// like any other; this object lets it through because it comes from the zygote's pid, while the
/// same call from a test child is a violation, named as in a fresh interpreter. Each test child
/// applies the test's rlimits and runs the program as `__main__` with real descriptors 0, 1, 2.
/// After each test the scratch folder is emptied, so no test sees another's files.
///
/// Not thread-safe: one zygote serves one test at a time (`ZygotePool` hands them out).
/// Differences from a fresh interpreter: the address-space limit also counts the zygote's
/// pre-imported modules (about 20 MB), and tracebacks name `main.py` without its folder.
public final class PythonZygote: @unchecked Sendable {
    let sandbox: Sandbox
    let profile: Profile
    let isolation: Isolation
    private let scratch: Scratch
    private let slot: Int
    private let identity: Identity
    private let request: RunRequest
    private var process: Runner.Spawned
    private let control: Int32
    private(set) public var broken = false

    /// The zygote's own limits: its children lower them per test, never above these. The stack
    /// is the profile's: glibc sizes thread stacks from RLIMIT_STACK as it was at process start,
    /// so a child's threads get what a fresh interpreter's would.
    static func ceiling(for profile: Profile) -> Limits {
        Limits(
            cpu: .seconds(86_400), wall: .seconds(86_400), memoryBytes: 16 << 30, outputBytes: 1 << 20, processes: 64,
            openFiles: 1024, fileSizeBytes: 1 << 30, stackBytes: profile.run.limits.stackBytes)
    }

    /// Starts a zygote for `profile` (a python3 profile).
    /// - Throws: `SandboxError` when the zygote cannot be started or does not answer.
    public init(sandbox: Sandbox, profile: Profile, isolation: Isolation = .full) throws {
        self.sandbox = sandbox
        self.profile = profile
        self.isolation = isolation
        try sandbox.check(isolation)
        let scratch = try Scratch.make(in: sandbox.scratchRoot)
        let slot = sandbox.acquireSlot()
        let identity = Identity(slot: slot, host: sandbox.host, isolation: isolation)
        self.scratch = scratch
        self.slot = slot
        self.identity = identity
        var cleanup = true
        defer {
            if cleanup {
                scratch.remove()
                sandbox.releaseSlot(slot)
            }
        }
        var zygoteProfile = profile
        zygoteProfile.sourceName = ZygoteScript.fileName
        var job = Job(profile: zygoteProfile, source: .text(ZygoteScript.source), isolation: isolation)
        try scratch.install(job: job, owner: identity.filesOwner)

        var policy = profile.run.syscalls
        policy.allow += ["wait4", "pidfd_open"]
        let filter = isolation.contains(.seccomp)
            ? try sandbox.filter(for: policy, key: "\(profile.origin)#zygote", profile: profile.name, controlSocketFD: M2RL_EXTRA_FD)
            : nil
        let placeholders = ["{source}": scratch.path + "/" + ZygoteScript.fileName, "{scratch}": scratch.path,
                            "{binary}": scratch.path + "/main"]
        let request = try sandbox.makeRequest(
            profile.run, kind: "zygote", job: job, placeholders: placeholders, arguments: [], stdin: [],
            limits: PythonZygote.ceiling(for: profile), scratch: scratch.path, identity: identity, filter: filter)
        guard let (ours, theirs) = Sys.socketPair() else {
            throw SandboxError.system(call: "socketpair", errno: Sys.errnoName(errno))
        }
        let theirsHigh = Sys.aboveStandard(theirs)
        defer { Sys.close(theirsHigh) }
        guard theirsHigh >= 0 else {
            Sys.close(ours)
            throw SandboxError.system(call: "fcntl(F_DUPFD_CLOEXEC)", errno: Sys.errnoName(errno))
        }
        let process: Runner.Spawned
        do {
            process = try Runner.spawn(request, extraFD: theirsHigh, longLived: true)
        } catch {
            Sys.close(ours)
            throw error
        }
        Sys.close(process.stdinWrite)
        var started = process
        started.stdinWrite = -1
        self.request = request
        self.process = started
        control = ours
        cleanup = false
    }

    deinit {
        Sys.killTree(pid: process.pid, pidfd: process.pidfd)
        _ = Sys.wait4(process.pid)
        process.close()
        Sys.close(control)
        scratch.remove()
        sandbox.releaseSlot(slot)
    }

    /// Runs `program` as `main.py` with `files` beside it, as `python3 -S -I main.py ARGS` would
    /// in a fresh sandbox. Never throws: a zygote failure is a `sandbox_error` outcome (and the
    /// zygote is `broken`).
    public func run(
        program: String, files: [String: [UInt8]] = [:], arguments: [String] = [], stdin: [UInt8] = [],
        limits overrides: LimitOverrides = LimitOverrides()
    ) -> Outcome {
        do {
            return try runTest(program: program, files: files, arguments: arguments, stdin: stdin, overrides: overrides)
        } catch let error as SandboxError {
            broken = true
            return .sandboxError(error)
        } catch {
            broken = true
            return Outcome(status: .sandboxError, error: "\(error)")
        }
    }

    private func runTest(
        program: String, files: [String: [UInt8]], arguments: [String], stdin: [UInt8], overrides: LimitOverrides
    ) throws -> Outcome {
        guard !broken else { throw SandboxError.system(call: "zygote", errno: "the zygote has failed before") }
        let limits = profile.run.limits.overriding(overrides)
        try prepareTestFolder(program: program, files: files)
        // Everything goes, the zygote's own script too (it was read at start): nothing a test
        // writes, renames or replaces survives it.
        defer { scratch.removeContents() }

        // The test's pipes: the child's ends go to the zygote with the request.
        var owned: [Int32] = []
        defer { owned.forEach(Sys.close) }
        func pipe() throws -> (Int32, Int32) {
            guard let (r, w) = Sys.pipe() else { throw SandboxError.system(call: "pipe2", errno: Sys.errnoName(errno)) }
            owned.append(contentsOf: [r, w])
            return (r, w)
        }
        let (stdinRead, stdinWrite) = try pipe()
        let (stdoutRead, stdoutWrite) = try pipe()
        let (stderrRead, stderrWrite) = try pipe()
        var rlimits: [String: JSONValue] = [:]
        if isolation.contains(.rlimits) {
            let cpu = Int((limits.cpu.milliseconds / 1000).rounded(.up))
            rlimits = [
                "cpu": [.int(cpu), .int(cpu + 1)],
                "as": [.int(limits.memoryBytes), .int(limits.memoryBytes)],
                "nofile": [.int(limits.openFiles), .int(limits.openFiles)],
                "fsize": [.int(limits.fileSizeBytes), .int(limits.fileSizeBytes)],
                "stack": [.int(limits.stackBytes), .int(limits.stackBytes)],
            ]
        }
        let message = "RUN " + JSONValue.object(["limits": .object(rlimits), "args": .array(arguments.map { .string($0) })]).jsonText
        let start = Sys.monotonicNanos()
        try send(message, fds: [stdinRead, stdoutWrite, stderrWrite])
        for fd in [stdinRead, stdoutWrite, stderrWrite] {
            Sys.close(fd)
            owned.removeAll { $0 == fd }
        }
        let (childReply, childFDs) = try receive(timeoutMs: 10_000)
        guard childReply == "CHILD", childFDs.count == 1 else {
            childFDs.forEach(Sys.close)
            _ = Sys.setNonBlocking(stderrRead)
            var buffer = [UInt8](repeating: 0, count: 4096)
            let n = buffer.withUnsafeMutableBytes { Sys.read(stderrRead, $0) }
            let said = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : ""
            throw SandboxError.system(call: "zygote child start", errno: "unexpected reply '\(childReply.prefix(100))' \(said)")
        }
        let childPidfd = childFDs[0]
        owned.append(childPidfd)

        var io = IOLoop(
            stdinData: stdin, stdinFD: stdinWrite, stdoutFD: stdoutRead, stderrFD: stderrRead,
            listenerFDs: [process.listener], pidfd: childPidfd, pid: 0, cap: limits.outputBytes,
            deadline: start + UInt64(limits.wall.milliseconds * 1_000_000))
        io.trustedPID = process.pid
        owned.removeAll { $0 == stdinWrite }
        io.run()
        let (exitReply, _) = try receive(timeoutMs: 10_000)
        let wallNanos = (io.exitedAt ?? Sys.monotonicNanos()) - start
        io.drain()
        guard exitReply.hasPrefix("EXIT "), let report = try? JSONValue.parse(String(exitReply.dropFirst(5))),
              let status = report["status"]?.int else {
            throw SandboxError.system(call: "zygote exit report", errno: "unexpected reply '\(exitReply.prefix(100))'")
        }
        var usage = rusage()
        func timeval(_ seconds: Double) -> Glibc.timeval {
            Glibc.timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1e6))
        }
        usage.ru_utime = timeval(report["utime"]?.number ?? 0)
        usage.ru_stime = timeval(report["stime"]?.number ?? 0)
        usage.ru_maxrss = report["maxrss"]?.int ?? 0
        var testRequest = request
        testRequest.limits = limits
        return Runner.classify(
            request: testRequest, status: Int32(truncatingIfNeeded: status), usage: usage,
            memory: Runner.Memory(peakKb: usage.ru_maxrss, oomKilled: false), wallNanos: wallNanos, io: io)
    }

    /// A fresh `t/` with the program and its files, writable by the run's identity.
    private func prepareTestFolder(program: String, files: [String: [UInt8]]) throws {
        let folder = scratch.path + "/t"
        guard mkdir(folder, 0o700) == 0 else { throw SandboxError.system(call: "mkdir \(folder)", errno: Sys.errnoName(errno)) }
        let test = Scratch(path: folder)
        var job = Job(profile: profile, source: .text(program), isolation: isolation)
        job.files = files
        var mainProfile = profile
        mainProfile.sourceName = "main.py"
        job.profile = mainProfile
        try test.install(job: job, owner: identity.filesOwner)
    }

    /// Whether the zygote process is still running.
    public var isAlive: Bool {
        var ready = [pollfd(fd: process.pidfd, events: Int16(POLLIN), revents: 0)]
        return !broken && Sys.poll(&ready, timeoutMs: 0) == 0
    }

    /// What the zygote wrote on its own stderr (a traceback when it failed), for error messages.
    private func lastWords() -> String {
        _ = Sys.setNonBlocking(process.stderrRead)
        var buffer = [UInt8](repeating: 0, count: 8192)
        let n = buffer.withUnsafeMutableBytes { Sys.read(process.stderrRead, $0) }
        return n > 0 ? "; the zygote said: " + String(decoding: buffer[0..<n], as: UTF8.self) : ""
    }

    private func send(_ text: String, fds: [Int32]) throws {
        let bytes = Array(text.utf8)
        let n = bytes.withUnsafeBytes { raw in
            fds.withUnsafeBufferPointer { m2rl_send_with_fds(control, raw.baseAddress, UInt(raw.count), $0.baseAddress, Int32($0.count)) }
        }
        guard n == bytes.count else { throw SandboxError.system(call: "send to zygote", errno: Sys.errnoName(errno)) }
    }

    private func receive(timeoutMs: Int32) throws -> (String, [Int32]) {
        var ready = [pollfd(fd: control, events: Int16(POLLIN), revents: 0),
                     pollfd(fd: process.listener, events: Int16(POLLIN), revents: 0)]
        let deadline = Sys.monotonicNanos() + UInt64(timeoutMs) * 1_000_000
        while Sys.poll(&ready, timeoutMs: 100) == 0 || ready[0].revents == 0 {
            if ready[1].revents & Int16(POLLIN) != 0, let nr = IOLoop.screen(process.listener, trustedPID: process.pid) {
                throw SandboxError.system(call: "zygote", errno: "a forbidden syscall before the test started: \(SyscallTable.name(nr))")
            }
            ready[1].revents = 0
            guard Sys.monotonicNanos() < deadline else {
                throw SandboxError.system(call: "zygote", errno: "no answer within \(timeoutMs) ms\(lastWords())")
            }
        }
        var buffer = [UInt8](repeating: 0, count: 4096)
        var fds = [Int32](repeating: -1, count: 8)
        var count: Int32 = 0
        let n = buffer.withUnsafeMutableBytes { raw in
            fds.withUnsafeMutableBufferPointer { m2rl_recv_with_fds(control, raw.baseAddress, UInt(raw.count), $0.baseAddress, 8, &count) }
        }
        guard n > 0 else {
            throw SandboxError.system(call: "zygote", errno: (n == 0 ? "the zygote exited" : Sys.errnoName(errno)) + lastWords())
        }
        return (String(decoding: buffer[0..<n], as: UTF8.self), Array(fds[0..<Int(count)]))
    }
}

/// Zygotes handed out one per concurrent caller, started on demand and replaced when broken.
public final class ZygotePool: @unchecked Sendable {
    let sandbox: Sandbox
    let profile: Profile
    let isolation: Isolation
    private let lock = NSLock()
    private var idle: [PythonZygote] = []

    public init(sandbox: Sandbox, profile: Profile, isolation: Isolation = .full) {
        self.sandbox = sandbox
        self.profile = profile
        self.isolation = isolation
    }

    /// Runs `body` with a zygote of its own; a zygote that broke is dropped, not reused.
    public func with<T>(_ body: (PythonZygote) throws -> T) throws -> T {
        lock.lock()
        var reused = idle.popLast()
        while let candidate = reused, !candidate.isAlive { reused = idle.popLast() }
        lock.unlock()
        let zygote = try reused ?? PythonZygote(sandbox: sandbox, profile: profile, isolation: isolation)
        defer {
            if !zygote.broken {
                lock.lock()
                idle.append(zygote)
                lock.unlock()
            }
        }
        return try body(zygote)
    }
}
