#if canImport(Glibc)
import Glibc
#endif
import Foundation
import CM2RLSandbox

/// One isolation layer. Each is applied in the child before exec; each is tested on its own by a
/// hostile program that only it stops (testcases/sandbox/).
public enum Layer: String, CaseIterable, Sendable, Comparable {
    /// PID, IPC, UTS and mount namespaces, with a fresh /proc: the run sees only itself, and its
    /// first process's death ends every process of the run.
    case namespaces
    /// An empty network namespace (loopback down), created once and joined by every run.
    case network
    /// Unprivileged credentials: a root caller drops to a per-run uid/gid; any other caller gets
    /// a new user namespace. Also makes RLIMIT_NPROC count the run's own processes only.
    case credentials
    /// CPU, address space, processes, open files, file size, stack, core 0.
    case rlimits
    /// Landlock file-system rules: read what the profile lists, execute the runtime, write only
    /// the scratch folder; no signals or abstract sockets outside the run (ABI ≥ 6).
    case landlock
    /// no_new_privs and the profile's syscall allowlist.
    case seccomp

    public static func < (a: Layer, b: Layer) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Which layers a run uses. `full` is the default; anything lower must be asked for by name
/// (`--isolation no-landlock`), never chosen silently because the host lacks a feature.
public struct Isolation: Sendable, Hashable, CustomStringConvertible {
    public var layers: Set<Layer>

    public init(layers: Set<Layer>) {
        self.layers = layers
    }

    public static let full = Isolation(layers: Set(Layer.allCases))

    public func contains(_ layer: Layer) -> Bool { layers.contains(layer) }

    public func without(_ layer: Layer) -> Isolation {
        var copy = self
        copy.layers.remove(layer)
        return copy
    }

    /// Parses `full`, or a comma-separated list of `no-LAYER` (drop from full) or `LAYER`
    /// (exactly these), e.g. `no-landlock` or `namespaces,rlimits,seccomp`.
    public init?(parsing text: String) {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !parts.isEmpty else { return nil }
        if parts == ["full"] {
            self = .full
            return
        }
        let drops = parts.filter { $0.hasPrefix("no-") }
        if drops.count == parts.count {
            var layers = Set(Layer.allCases)
            for drop in drops {
                guard let layer = Layer(rawValue: String(drop.dropFirst(3))) else { return nil }
                layers.remove(layer)
            }
            self.init(layers: layers)
            return
        }
        guard drops.isEmpty else { return nil }
        var layers: Set<Layer> = []
        for part in parts {
            guard let layer = Layer(rawValue: part) else { return nil }
            layers.insert(layer)
        }
        self.init(layers: layers)
    }

    public var description: String {
        if layers == Isolation.full.layers { return "full" }
        return Layer.allCases.filter { !layers.contains($0) }.map { "no-\($0.rawValue)" }.joined(separator: ",")
    }

    /// The accepted spellings, for help and error messages.
    public static let syntax = "full | no-LAYER[,no-LAYER...] | LAYER[,LAYER...] with LAYER one of "
        + Layer.allCases.map(\.rawValue).joined(separator: ", ")
}

/// What the running kernel and the caller can do, probed once.
public struct HostSupport: Sendable {
    /// The caller is root: runs drop to per-run uids instead of user namespaces.
    public var isRoot: Bool
    /// Landlock ABI version, or nil with the reason.
    public var landlockABI: Int?
    public var landlockProblem: String?

    public static let current: HostSupport = {
        let abi = m2rl_landlock_abi()
        return HostSupport(
            isRoot: geteuid() == 0,
            landlockABI: abi > 0 ? Int(abi) : nil,
            landlockProblem: abi > 0 ? nil : "landlock_create_ruleset failed: \(Sys.errnoName(-abi))")
    }()
}

/// Landlock's access rights (LANDLOCK_ACCESS_FS_*), per ABI.
enum LandlockAccess {
    static let execute: UInt64 = 1 << 0
    static let writeFile: UInt64 = 1 << 1
    static let readFile: UInt64 = 1 << 2
    static let readDir: UInt64 = 1 << 3
    static let removeDir: UInt64 = 1 << 4
    static let removeFile: UInt64 = 1 << 5
    static let makeChar: UInt64 = 1 << 6
    static let makeDir: UInt64 = 1 << 7
    static let makeReg: UInt64 = 1 << 8
    static let makeSock: UInt64 = 1 << 9
    static let makeFifo: UInt64 = 1 << 10
    static let makeBlock: UInt64 = 1 << 11
    static let makeSym: UInt64 = 1 << 12
    static let refer: UInt64 = 1 << 13      // ABI 2
    static let truncate: UInt64 = 1 << 14   // ABI 3
    static let ioctlDev: UInt64 = 1 << 15   // ABI 5

    /// Rights that apply to a file (the others are only valid on folders).
    static let fileRights: UInt64 = execute | writeFile | readFile | truncate | ioctlDev

    static let scopeAbstractUnixSocket: UInt64 = 1 << 0  // ABI 6
    static let scopeSignal: UInt64 = 1 << 1              // ABI 6

    /// Every file-system right the kernel's ABI knows: all of them are handled (denied unless
    /// a rule allows them).
    static func handled(abi: Int) -> UInt64 {
        var rights: UInt64 = (1 << 13) - 1
        if abi >= 2 { rights |= refer }
        if abi >= 3 { rights |= truncate }
        if abi >= 5 { rights |= ioctlDev }
        return rights
    }

    static func scoped(abi: Int) -> UInt64 {
        abi >= 6 ? scopeAbstractUnixSocket | scopeSignal : 0
    }

    static let read: UInt64 = readFile | readDir
    static let readWrite: UInt64 = read | writeFile | truncate
    static func scratch(abi: Int) -> UInt64 {
        var rights = readFile | readDir | writeFile | removeDir | removeFile | makeDir | makeReg | makeFifo | makeSym
        if abi >= 2 { rights |= refer }
        if abi >= 3 { rights |= truncate }
        return rights
    }
}
