/// The resource limits of one sandboxed step. Units are in the names and types: durations are
/// `Duration`, sizes are bytes.
///
/// Precedence, in one place (`overriding`): a command-line flag or job field, then the
/// profile's value, then `Limits.defaults`.
public struct Limits: Sendable, Hashable {
    /// CPU time of the program (RLIMIT_CPU, rounded up to whole seconds for the kernel; the
    /// exact value decides the verdict).
    public var cpu: Duration
    /// Wall-clock time, enforced by the parent, which kills the whole process tree.
    public var wall: Duration
    /// Address space (RLIMIT_AS), in bytes.
    public var memoryBytes: Int
    /// Captured stdout and stderr, each; at the cap the run is killed (`output_limit`).
    public var outputBytes: Int
    /// Processes and threads of the run (RLIMIT_NPROC, counted per run).
    public var processes: Int
    /// Open file descriptors (RLIMIT_NOFILE).
    public var openFiles: Int
    /// Largest file the program may write (RLIMIT_FSIZE), in bytes.
    public var fileSizeBytes: Int
    /// Main-thread stack (RLIMIT_STACK), in bytes; glibc also uses it as the thread stack size.
    public var stackBytes: Int

    public init(
        cpu: Duration, wall: Duration, memoryBytes: Int, outputBytes: Int, processes: Int,
        openFiles: Int, fileSizeBytes: Int, stackBytes: Int
    ) {
        self.cpu = cpu
        self.wall = wall
        self.memoryBytes = memoryBytes
        self.outputBytes = outputBytes
        self.processes = processes
        self.openFiles = openFiles
        self.fileSizeBytes = fileSizeBytes
        self.stackBytes = stackBytes
    }

    /// Secure defaults, used for every key a profile leaves out.
    public static let defaults = Limits(
        cpu: .seconds(10), wall: .seconds(20), memoryBytes: 1024 << 20, outputBytes: 16 << 20,
        processes: 32, openFiles: 64, fileSizeBytes: 16 << 20, stackBytes: 32 << 20
    )

    /// These limits with the job's overrides applied (a flag or a problem's own limits win).
    public func overriding(_ overrides: LimitOverrides) -> Limits {
        var limits = self
        if let cpu = overrides.cpu {
            limits.cpu = cpu
            // A wall limit follows a raised CPU limit unless it was given too: 2 × CPU + 1 s.
            if overrides.wall == nil && limits.wall < cpu * 2 + .seconds(1) {
                limits.wall = cpu * 2 + .seconds(1)
            }
        }
        if let wall = overrides.wall { limits.wall = wall }
        if let memory = overrides.memoryBytes { limits.memoryBytes = memory }
        if let output = overrides.outputBytes { limits.outputBytes = output }
        return limits
    }
}

/// Per-job limit overrides (from the command line or a problem). `nil` keeps the profile's.
public struct LimitOverrides: Sendable, Hashable {
    public var cpu: Duration?
    public var wall: Duration?
    public var memoryBytes: Int?
    public var outputBytes: Int?

    public init(cpu: Duration? = nil, wall: Duration? = nil, memoryBytes: Int? = nil, outputBytes: Int? = nil) {
        self.cpu = cpu
        self.wall = wall
        self.memoryBytes = memoryBytes
        self.outputBytes = outputBytes
    }
}

extension Duration {
    /// The duration in milliseconds, as a Double.
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
