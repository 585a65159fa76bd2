import M2RLCore

/// How a sandboxed run ended (DESIGN.md, "Sandbox").
public enum Status: String, Codable, Sendable, CaseIterable {
    /// Exit status 0 within every limit.
    case ok
    /// Non-zero exit or a fatal signal not caused by a limit.
    case runtimeError = "runtime_error"
    /// The CPU-time limit.
    case timeLimit = "time_limit"
    /// The wall-clock limit (the parent killed the run).
    case wallTimeLimit = "wall_time_limit"
    /// The program died for lack of memory under the address-space limit.
    case memoryLimit = "memory_limit"
    /// stdout or stderr reached the output cap (the parent killed the run).
    case outputLimit = "output_limit"
    /// A syscall outside the profile's allowlist; `violation` names it.
    case syscallViolation = "syscall_violation"
    /// The compile step failed or hit its limits; the compiler's messages are in `stderr`.
    case compileError = "compile_error"
    /// m2rl itself failed; never blamed on the program. `error` says why.
    case sandboxError = "sandbox_error"
}

/// The result of one sandboxed run, printed by `m2rl sandbox run` as one JSON object.
public struct Outcome: Codable, Sendable, Equatable {
    public var status: Status
    /// The exit status, when the program exited (not killed by a signal).
    public var exitCode: Int32?
    /// The signal number that ended the program, when it was killed.
    public var signal: Int32?
    /// User + system CPU time of the program and the processes it waited for, in milliseconds.
    public var cpuMs: Int
    /// Wall-clock time from start to exit, in milliseconds.
    public var wallMs: Int
    /// Peak resident memory (ru_maxrss), in KiB.
    public var peakMemoryKb: Int
    public var stdout: String
    public var stderr: String
    public var stdoutTruncated: Bool
    public var stderrTruncated: Bool
    /// For `syscall_violation`: the syscall's name.
    public var violation: String?
    /// For `sandbox_error`: what failed and what to do.
    public var error: String?

    enum CodingKeys: String, CodingKey {
        case status
        case exitCode = "exit_code"
        case signal
        case cpuMs = "cpu_ms"
        case wallMs = "wall_ms"
        case peakMemoryKb = "peak_memory_kb"
        case stdout, stderr
        case stdoutTruncated = "stdout_truncated"
        case stderrTruncated = "stderr_truncated"
        case violation, error
    }

    public init(
        status: Status, exitCode: Int32? = nil, signal: Int32? = nil, cpuMs: Int = 0, wallMs: Int = 0,
        peakMemoryKb: Int = 0, stdout: String = "", stderr: String = "", stdoutTruncated: Bool = false,
        stderrTruncated: Bool = false, violation: String? = nil, error: String? = nil
    ) {
        self.status = status
        self.exitCode = exitCode
        self.signal = signal
        self.cpuMs = cpuMs
        self.wallMs = wallMs
        self.peakMemoryKb = peakMemoryKb
        self.stdout = stdout
        self.stderr = stderr
        self.stdoutTruncated = stdoutTruncated
        self.stderrTruncated = stderrTruncated
        self.violation = violation
        self.error = error
    }

    /// Encodes every key, `null` included, so readers can rely on the shape.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status)
        try c.encode(exitCode, forKey: .exitCode)
        try c.encode(signal, forKey: .signal)
        try c.encode(cpuMs, forKey: .cpuMs)
        try c.encode(wallMs, forKey: .wallMs)
        try c.encode(peakMemoryKb, forKey: .peakMemoryKb)
        try c.encode(stdout, forKey: .stdout)
        try c.encode(stderr, forKey: .stderr)
        try c.encode(stdoutTruncated, forKey: .stdoutTruncated)
        try c.encode(stderrTruncated, forKey: .stderrTruncated)
        try c.encode(violation, forKey: .violation)
        try c.encode(error, forKey: .error)
    }

    static func sandboxError(_ error: SandboxError) -> Outcome {
        Outcome(status: .sandboxError, error: error.description)
    }
}

/// A failure of the sandbox itself (never of the program).
public enum SandboxError: M2RLError, Equatable {
    /// A layer the run asked for is not available on this host.
    case layerUnavailable(Layer, reason: String)
    /// A setup step in the child failed (step name, errno).
    case childSetup(step: String, errno: String, hint: String)
    /// A system call in the parent failed.
    case system(call: String, errno: String)
    /// libseccomp refused the profile's policy.
    case seccomp(profile: String, call: String, detail: String)
    /// A profile name that has no file.
    case unknownProfile(String, searched: [String], available: [String])
    /// The program file could not be read.
    case programUnreadable(path: String, reason: String)

    public var code: String {
        switch self {
        case .layerUnavailable: "layer_unavailable"
        case .childSetup: "child_setup"
        case .system: "system"
        case .seccomp: "seccomp"
        case .unknownProfile: "unknown_profile"
        case .programUnreadable: "program_unreadable"
        }
    }

    public var description: String {
        switch self {
        case .layerUnavailable(let layer, let reason):
            "the '\(layer.rawValue)' isolation layer is not available here: \(reason). "
                + "Fix the host, or accept a lower level by name with --isolation no-\(layer.rawValue)"
        case .childSetup(let step, let errno, let hint):
            "sandbox setup failed in the child at step '\(step)': \(errno)" + (hint.isEmpty ? "" : ". \(hint)")
        case .system(let call, let errno):
            "\(call) failed: \(errno)"
        case .seccomp(let profile, let call, let detail):
            "cannot compile the syscall policy of profile '\(profile)': \(call): \(detail)"
        case .unknownProfile(let name, let searched, let available):
            "no sandbox profile named '\(name)' (looked in \(searched.joined(separator: ", "))); "
                + "available: \(available.isEmpty ? "none" : available.joined(separator: ", "))"
        case .programUnreadable(let path, let reason):
            "cannot read the program '\(path)': \(reason)"
        }
    }
}
