import Foundation
import Logging
import M2RLCore
import CM2RLSandbox

/// One program to run: a profile, the program's source, its arguments and input.
public struct Job: Sendable {
    public enum Source: Sendable {
        /// A file on disk; it is copied into the scratch folder (the program never sees the
        /// caller's folders).
        case file(String)
        /// The program's text.
        case text(String)
        /// A binary made by `Sandbox.compile` for this profile: the compile step is skipped.
        case compiled(CompiledProgram)
    }

    public var profile: Profile
    public var source: Source
    public var arguments: [String]
    public var stdin: [UInt8]
    public var limits: LimitOverrides
    public var isolation: Isolation
    /// Where this run's scratch folder is made, instead of the sandbox's `scratchRoot`
    /// (created mode 0711 if missing).
    public var scratchRoot: String?
    /// Extra files put in the scratch folder before the run (plain names, mode 0644), e.g. a
    /// checker's input, output and answer.
    public var files: [String: [UInt8]] = [:]

    public init(
        profile: Profile, source: Source, arguments: [String] = [], stdin: [UInt8] = [],
        limits: LimitOverrides = LimitOverrides(), isolation: Isolation = .full, scratchRoot: String? = nil
    ) {
        self.scratchRoot = scratchRoot
        self.profile = profile
        self.source = source
        self.arguments = arguments
        self.stdin = stdin
        self.limits = limits
        self.isolation = isolation
    }
}

/// Runs programs under every isolation layer (see `Layer`), one run per call, thread-safe: call
/// `run` from as many threads as there are runs in flight.
///
/// Costs paid once, not per run: the empty network namespace, and each profile's seccomp
/// filter. Children are started with clone(CLONE_VM | CLONE_VFORK), so a parent of any size is
/// never copied.
public final class Sandbox: @unchecked Sendable {
    /// Where per-run scratch folders are made (a fresh one per run, removed afterwards).
    public let scratchRoot: String
    /// Debug: one-time setup (filters, namespace, cgroup); trace: every run's outcome.
    public let logger: Logger
    let host: HostSupport
    /// Exact peak memory and OOM kills per run, where the host offers a memory cgroup.
    let memoryCgroup: MemoryCgroup?
    private let lock = NSLock()
    private var filters: [String: CompiledFilter] = [:]
    private var netnsFD: Int32 = -1
    private var freeSlots: [Int] = []
    private var nextSlot = 0

    /// First uid/gid of the per-run identities a root caller drops to (one per concurrent run,
    /// so RLIMIT_NPROC counts each run's processes alone).
    public static let firstSandboxID: UInt32 = 1_660_000_000
    /// This process's range of per-run ids.
    static let idRange = UInt32.random(in: 0..<4096)

    /// - Parameter scratchRoot: the folder for scratch folders; default `$TMPDIR/m2rl-<euid>`
    ///   (or /tmp). It is created mode 0711 and must belong to the caller.
    public init(scratchRoot: String? = nil, logger: Logger = Logger(label: "m2rl.sandbox")) throws {
        self.logger = logger
        host = HostSupport.current
        memoryCgroup = MemoryCgroup()
        logger.debug("sandbox ready", metadata: [
            "root": "\(host.isRoot)", "landlock_abi": "\(host.landlockABI.map(String.init) ?? "none")",
            "memory_cgroup": "\(memoryCgroup?.base ?? "none")",
        ])
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let root = scratchRoot ?? "\(base)/m2rl-\(geteuid())"
        self.scratchRoot = root
        try Scratch.prepareRoot(root)
        // Writing to a pipe whose reader has gone must fail with EPIPE, not kill the caller.
        signal(SIGPIPE, SIG_IGN)
    }

    deinit {
        Sys.close(netnsFD)
    }

    /// Checks that every layer of `isolation` is available here.
    /// - Throws: `SandboxError.layerUnavailable` naming the layer, the reason and the flag that
    ///   accepts running without it.
    public func check(_ isolation: Isolation) throws {
        if isolation.contains(.landlock) && host.landlockABI == nil {
            throw SandboxError.layerUnavailable(.landlock, reason: host.landlockProblem ?? "unknown")
        }
        if isolation.contains(.network) && host.isRoot { _ = try sharedNetworkNamespace() }
    }

    /// Runs `job`: the compile step if the profile has one (its failure is the outcome, as
    /// `compile_error`), then the program. Never throws: a failure of the sandbox itself is an
    /// outcome with status `sandbox_error` and an `error` that says what to do.
    public func run(_ job: Job) -> Outcome {
        let result = withScratch(job) { scratch, identity, placeholders -> Outcome in
            if let compile = job.profile.compile, !job.isCompiled {
                let outcome = try compileStep(compile, job: job, placeholders: placeholders, scratch: scratch, identity: identity)
                if outcome.status != .ok { return outcome }
            }
            let outcome = try runStep(
                job.profile.run, kind: "run", job: job, placeholders: placeholders, arguments: job.arguments,
                stdin: job.stdin, limits: job.profile.run.limits.overriding(job.limits), scratch: scratch.path,
                identity: identity)
            logger.trace("run", metadata: [
                "profile": "\(job.profile.name)", "status": "\(outcome.status.rawValue)", "wall_ms": "\(outcome.wallMs)",
            ])
            return outcome
        }
        switch result {
        case .success(let outcome): return outcome
        case .failure(let failure): return failure.outcome
        }
    }

    /// Compiles `job`'s program once, for many runs (`Job.Source.compiled`). For a profile
    /// without a compile step this is a programmer error.
    /// - Returns: the binary, or the outcome of the failed compile step (`compile_error`, or
    ///   `sandbox_error`).
    public func compile(_ job: Job) -> Result<CompiledProgram, OutcomeFailure> {
        precondition(job.profile.compile != nil, "profile \(job.profile.name) has no compile step")
        return withScratch(job) { scratch, identity, placeholders -> Result<CompiledProgram, OutcomeFailure> in
            let outcome = try compileStep(
                job.profile.compile!, job: job, placeholders: placeholders, scratch: scratch, identity: identity)
            guard outcome.status == .ok else { return .failure(OutcomeFailure(outcome)) }
            return .success(try CompiledProgram(
                moving: placeholders["{binary}"]!, into: scratchRoot + "/compiled", profile: job.profile.name))
        }.flatMap { $0 }
    }

    private func compileStep(
        _ compile: Step, job: Job, placeholders: [String: String], scratch: Scratch, identity: Identity
    ) throws -> Outcome {
        var limits = compile.limits
        limits.outputBytes = min(limits.outputBytes, 1 << 20)
        var outcome = try runStep(
            compile, kind: "compile", job: job, placeholders: placeholders, arguments: [], stdin: [],
            limits: limits, scratch: scratch.path, identity: identity)
        if outcome.status != .ok && outcome.status != .sandboxError { outcome.status = .compileError }
        return outcome
    }

    /// Makes the run's scratch folder and identity, installs the program, calls `body`, and
    /// cleans up; every thrown error becomes a `sandbox_error` outcome.
    private func withScratch<T>(
        _ job: Job, _ body: (Scratch, Identity, [String: String]) throws -> T
    ) -> Result<T, OutcomeFailure> {
        do {
            try check(job.isolation)
            if let root = job.scratchRoot { try Scratch.prepareRoot(root) }
            let scratch = try Scratch.make(in: job.scratchRoot ?? scratchRoot)
            defer { scratch.remove() }
            let slot = acquireSlot()
            defer { releaseSlot(slot) }
            let identity = Identity(slot: slot, host: host, isolation: job.isolation)
            try scratch.install(job: job, owner: identity.filesOwner)
            let placeholders = [
                "{source}": scratch.path + "/" + job.profile.sourceName,
                "{binary}": scratch.path + "/" + (job.profile.binaryName ?? "main"),
                "{scratch}": scratch.path,
            ]
            return .success(try body(scratch, identity, placeholders))
        } catch let error as SandboxError {
            return .failure(OutcomeFailure(.sandboxError(error)))
        } catch {
            return .failure(OutcomeFailure(Outcome(status: .sandboxError, error: "\(error)")))
        }
    }

    private func runStep(
        _ step: Step, kind: String, job: Job, placeholders: [String: String], arguments: [String],
        stdin: [UInt8], limits: Limits, scratch: String, identity: Identity
    ) throws -> Outcome {
        try Runner.run(makeRequest(
            step, kind: kind, job: job, placeholders: placeholders, arguments: arguments, stdin: stdin,
            limits: limits, scratch: scratch, identity: identity))
    }

    /// Resolves a step into a `RunRequest`: placeholders expanded, environment, the cached
    /// filter (or `filter`), the network namespace and Landlock ABI.
    func makeRequest(
        _ step: Step, kind: String, job: Job, placeholders: [String: String], arguments: [String],
        stdin: [UInt8], limits: Limits, scratch: String, identity: Identity, filter given: CompiledFilter? = nil
    ) throws -> RunRequest {
        func expand(_ text: String) -> String { Placeholders.expand(text, placeholders) }
        let filter = job.isolation.contains(.seccomp)
            ? try given ?? filter(for: step.syscalls, key: "\(job.profile.origin)#\(kind)", profile: job.profile.name) : nil
        var environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "{scratch}", "TMPDIR": "{scratch}",
                           "LANG": "C.UTF-8"]
        environment.merge(job.profile.environment) { _, profile in profile }
        let request = RunRequest(
            command: step.command.map(expand) + arguments,
            environment: environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(expand($0.value))" },
            scratch: scratch,
            stdin: stdin,
            limits: limits,
            filesystem: FilesystemPolicy(
                read: step.filesystem.read.map(expand), readWrite: step.filesystem.readWrite.map(expand),
                execute: step.filesystem.execute.map(expand)),
            filter: filter,
            isolation: job.isolation,
            identity: identity,
            memoryCgroup: memoryCgroup.map { ($0, identity.slot) },
            netnsFD: job.isolation.contains(.network) && host.isRoot ? try sharedNetworkNamespace() : -1,
            landlockABI: job.isolation.contains(.landlock) ? (host.landlockABI ?? 0) : 0,
            memoryErrorPatterns: job.profile.memoryErrorPatterns)
        return request
    }

    func filter(for policy: SyscallPolicy, key: String, profile: String, controlSocketFD: Int32? = nil) throws -> CompiledFilter {
        lock.lock()
        defer { lock.unlock() }
        if let cached = filters[key] { return cached }
        let compiled = try CompiledFilter(policy: policy, profile: profile, controlSocketFD: controlSocketFD)
        filters[key] = compiled
        logger.debug("seccomp filter compiled", metadata: ["step": "\(key)", "instructions": "\(compiled.count)"])
        return compiled
    }

    /// The empty network namespace every run joins, made on first use.
    private func sharedNetworkNamespace() throws -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if netnsFD >= 0 { return netnsFD }
        let fd = m2rl_netns_create()
        guard fd >= 0 else {
            throw SandboxError.layerUnavailable(.network, reason: "unshare(CLONE_NEWNET): \(Sys.errnoName(errno))")
        }
        netnsFD = fd
        logger.debug("empty network namespace created", metadata: ["fd": "\(fd)"])
        return fd
    }

    func acquireSlot() -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let slot = freeSlots.popLast() { return slot }
        nextSlot += 1
        return nextSlot - 1
    }

    func releaseSlot(_ slot: Int) {
        lock.lock()
        freeSlots.append(slot)
        lock.unlock()
    }
}

extension Job {
    var isCompiled: Bool {
        if case .compiled = source { return true }
        return false
    }
}

/// An outcome that ends an operation early (a failed compile, a sandbox error).
public struct OutcomeFailure: Error, Sendable {
    public var outcome: Outcome
    public init(_ outcome: Outcome) { self.outcome = outcome }
}

/// A binary compiled once by `Sandbox.compile`, run many times with `Job.Source.compiled`.
/// Owns its file: it is removed when the last reference goes away.
public final class CompiledProgram: Sendable {
    public let path: String
    public let profile: String

    init(moving binary: String, into folder: String, profile: String) throws {
        if mkdir(folder, 0o711) != 0 && errno != EEXIST {
            throw SandboxError.system(call: "mkdir \(folder)", errno: Sys.errnoName(errno))
        }
        var template = Array("\(folder)/bin-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw SandboxError.system(call: "mkstemp in \(folder)", errno: Sys.errnoName(errno)) }
        Sys.close(fd)
        let target = String(cString: template)
        // Owned by the caller and not writable by anyone else, so runs may hard-link it.
        guard rename(binary, target) == 0, chown(target, geteuid(), getegid()) == 0, chmod(target, 0o755) == 0 else {
            let code = errno
            unlink(target)
            throw SandboxError.system(call: "keep the compiled binary \(binary)", errno: Sys.errnoName(code))
        }
        path = target
        self.profile = profile
    }

    deinit {
        unlink(path)
    }
}

/// The credentials one run gets.
struct Identity {
    var slot: Int
    var mode: Int32
    var uid: UInt32
    var gid: UInt32

    init(slot: Int, host: HostSupport, isolation: Isolation) {
        self.slot = slot
        if !isolation.contains(.credentials) {
            mode = Int32(M2RL_USER_KEEP.rawValue)
            uid = geteuid()
            gid = getegid()
        } else if host.isRoot {
            // Each concurrent run of this process gets its own id, in a range drawn at random
            // once per process (4,096 ranges of 4,096 ids), so the runs of different m2rl
            // processes are unlikely to share a count.
            mode = Int32(M2RL_USER_SETUID.rawValue)
            uid = Sandbox.firstSandboxID + Sandbox.idRange * 4096 + UInt32(slot % 4096)
            gid = uid
        } else {
            mode = Int32(M2RL_USER_USERNS.rawValue)
            uid = geteuid()
            gid = getegid()
        }
    }

    /// The owner the scratch folder is given, or nil to leave it as the caller's.
    var filesOwner: (UInt32, UInt32)? {
        mode == Int32(M2RL_USER_SETUID.rawValue) ? (uid, gid) : nil
    }
}

/// `{name}` placeholders in profile strings, replaced without Foundation's string search (this
/// runs for every argument of every run).
enum Placeholders {
    static func expand(_ text: String, _ values: [String: String]) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            if let close = rest[open...].firstIndex(of: "}"), let value = values[String(rest[open...close])] {
                out += value
                rest = rest[rest.index(after: close)...]
            } else {
                out += "{"
                rest = rest[rest.index(after: open)...]
            }
        }
        return out + rest
    }
}
