import Foundation
import M2RLCore
import Yams

/// A sandbox profile: how to compile and run one runtime, under which limits, file-system rules
/// and syscall policy. Loaded from `sandbox-profiles/NAME.yaml` and validated once, with every
/// problem reported at once (file and key named); see docs/sandbox.md for the schema.
public struct Profile: Sendable {
    public var name: String
    public var description: String
    /// The program's file name inside the scratch folder (`main.py`, `main.c`).
    public var sourceName: String
    /// The compiled binary's name inside the scratch folder, for compiled languages.
    public var binaryName: String?
    /// Patterns in the program's standard error that mean it died for lack of memory under
    /// the address-space limit (`MemoryError`, `std::bad_alloc`).
    public var memoryErrorPatterns: [String]
    /// Environment of the program; `{scratch}` is replaced by the scratch folder.
    public var environment: [String: String]
    /// The runtime can serve tests from a `PythonZygote` (a CPython profile without a compile
    /// step): key `zygote`, default false.
    public var zygote: Bool
    /// The compile step, for compiled languages: its failure is the run's outcome.
    public var compile: Step?
    /// The run step.
    public var run: Step
    /// Where the profile came from, for messages.
    public var origin: String
}

/// One sandboxed command: the runtime's command line, its limits and its policies.
///
/// Placeholders in `command` and `filesystem`: `{source}` (the program file), `{binary}` (the
/// compiled program), `{scratch}` (the run's scratch folder). The program's own arguments follow
/// the command.
public struct Step: Sendable {
    public var command: [String]
    public var limits: Limits
    public var filesystem: FilesystemPolicy
    public var syscalls: SyscallPolicy
}

/// What the program may touch, enforced by Landlock. Everything not listed is denied; the run's
/// scratch folder is always readable and writable.
public struct FilesystemPolicy: Sendable, Hashable {
    /// Paths readable (files, and folders with everything beneath them).
    public var read: [String]
    /// Paths readable and writable (devices such as /dev/null).
    public var readWrite: [String]
    /// Files (or folders of files) that may be executed: the runtime itself.
    public var execute: [String]
}

/// What a syscall outside the allowlist does.
public enum SyscallAction: Sendable, Hashable {
    /// Kill the whole run; the outcome is `syscall_violation` naming the syscall.
    case kill
    /// Fail the call with this errno; the program goes on.
    case errno(Int32)
}

/// The seccomp policy of a step, compiled once per profile with libseccomp.
public struct SyscallPolicy: Sendable, Hashable {
    /// Calls allowed with any arguments.
    public var allow: [String]
    /// Calls that fail with an errno instead of running (`clone3: ENOSYS` makes glibc fall back
    /// to clone, whose flags a filter can inspect).
    public var errno: [String: Int32]
    /// `false`: clone only with CLONE_THREAD (threads, no processes), no fork/vfork.
    public var processes: Bool
    /// `false`: only the runtime's own exec by the sandbox; `true`: execve/execveat allowed
    /// (Landlock's execute rules still decide what).
    public var exec: Bool
    /// Everything else.
    public var defaultAction: SyscallAction
}

/// A problem in a profile file.
public struct ProfileError: M2RLError {
    public var problems: [(SourceLocation, String)]
    public var code: String { "profile_invalid" }
    public var description: String {
        problems.map { "invalid sandbox profile \($0.0): \($0.1)" }.joined(separator: "\n")
    }
}

extension Profile {
    /// Loads and validates a profile from YAML text.
    ///
    /// - Parameters:
    ///   - yaml: the file's contents.
    ///   - origin: the file's path, named in every error.
    /// - Throws: `ProfileError` listing every problem found (unknown keys, wrong types, values
    ///   out of range, unknown syscalls or errno names), each with its key path.
    public static func parse(yaml: String, origin: String) throws -> Profile {
        let root: Any?
        do {
            root = try Yams.load(yaml: yaml)
        } catch {
            throw ProfileError(problems: [(SourceLocation(file: origin), "not valid YAML: \(error)")])
        }
        var reader = YAMLReader(origin: origin)
        let profile = reader.profile(root)
        if !reader.problems.isEmpty || profile == nil {
            throw ProfileError(problems: reader.problems)
        }
        return profile!
    }

    /// Loads a profile file.
    public static func load(path: String) throws -> Profile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProfileError(problems: [(SourceLocation(file: path), "cannot read the file")])
        }
        return try parse(yaml: String(decoding: data, as: UTF8.self), origin: path)
    }
}

/// Reads the YAML tree of a profile, collecting every problem with its key path.
struct YAMLReader {
    let origin: String
    var problems: [(SourceLocation, String)] = []

    init(origin: String) {
        self.origin = origin
    }

    mutating func problem(_ key: String, _ message: String) {
        problems.append((SourceLocation(file: origin, key: key), message))
    }

    mutating func table(_ value: Any?, _ key: String, allowed: [String]) -> [String: Any]? {
        guard let value else { return nil }
        guard let dict = value as? [String: Any] else {
            problem(key.isEmpty ? "(top level)" : key, "expected a mapping of keys to values")
            return nil
        }
        for name in dict.keys.sorted() where !allowed.contains(name) {
            let path = key.isEmpty ? name : "\(key).\(name)"
            problem(path, "unknown key; the keys here are: \(allowed.joined(separator: ", "))")
        }
        return dict
    }

    mutating func string(_ value: Any?, _ key: String, required: Bool = false) -> String? {
        guard let value else {
            if required { problem(key, "required") }
            return nil
        }
        guard let text = value as? String, !text.isEmpty else {
            problem(key, "expected a non-empty string")
            return nil
        }
        return text
    }

    mutating func strings(_ value: Any?, _ key: String) -> [String]? {
        guard let value else { return nil }
        guard let list = value as? [Any] else {
            problem(key, "expected a list of strings")
            return nil
        }
        var out: [String] = []
        for (index, item) in list.enumerated() {
            if let text = item as? String, !text.isEmpty { out.append(text) } else {
                problem("\(key)[\(index)]", "expected a non-empty string")
            }
        }
        return out
    }

    mutating func number(_ value: Any?, _ key: String, range: ClosedRange<Double>) -> Double? {
        guard let value else { return nil }
        let number: Double
        if let int = value as? Int { number = Double(int) } else if let double = value as? Double {
            number = double
        } else {
            problem(key, "expected a number")
            return nil
        }
        guard range.contains(number) else {
            problem(key, "\(number) is out of range \(range.lowerBound)...\(range.upperBound)")
            return nil
        }
        return number
    }

    mutating func bool(_ value: Any?, _ key: String) -> Bool? {
        guard let value else { return nil }
        guard let flag = value as? Bool else {
            problem(key, "expected true or false")
            return nil
        }
        return flag
    }

    mutating func profile(_ root: Any?) -> Profile? {
        let keys = ["name", "description", "source_name", "binary_name", "memory_error_patterns",
                    "environment", "zygote", "compile", "run"]
        guard let top = table(root ?? [String: Any](), "", allowed: keys) else { return nil }
        let name = string(top["name"], "name", required: true)
        let description = string(top["description"], "description") ?? ""
        let sourceName = string(top["source_name"], "source_name", required: true)
        let binaryName = string(top["binary_name"], "binary_name")
        for (key, file) in [("source_name", sourceName), ("binary_name", binaryName)] {
            if let file, file.contains("/") || file.hasPrefix(".") {
                problem(key, "must be a plain file name (no '/', not starting with '.')")
            }
        }
        let patterns = strings(top["memory_error_patterns"], "memory_error_patterns") ?? []
        var environment: [String: String] = [:]
        if let env = top["environment"] {
            if let dict = env as? [String: Any] {
                for (k, v) in dict {
                    if let text = v as? String { environment[k] = text } else if let n = v as? Int {
                        environment[k] = String(n)
                    } else { problem("environment.\(k)", "expected a string") }
                }
            } else { problem("environment", "expected a mapping of names to strings") }
        }
        let zygote = bool(top["zygote"], "zygote") ?? false
        let compile = top["compile"].flatMap { step($0, "compile") }
        if zygote && top["compile"] != nil { problem("zygote", "a zygote serves interpreted programs only; remove it or the compile step") }
        if top["compile"] != nil && binaryName == nil {
            problem("binary_name", "required when the profile has a compile step")
        }
        guard let runValue = top["run"] else {
            problem("run", "required")
            return nil
        }
        let run = step(runValue, "run")
        guard let name, let sourceName, let run else { return nil }
        return Profile(
            name: name, description: description, sourceName: sourceName, binaryName: binaryName,
            memoryErrorPatterns: patterns, environment: environment, zygote: zygote, compile: compile, run: run,
            origin: origin)
    }

    mutating func step(_ value: Any, _ key: String) -> Step? {
        guard let dict = table(value, key, allowed: ["command", "limits", "filesystem", "network", "syscalls"])
        else { return nil }
        let command = strings(dict["command"], "\(key).command")
        if dict["command"] == nil { problem("\(key).command", "required") }
        if let command, let first = command.first, !first.hasPrefix("/") && !first.hasPrefix("{") {
            problem("\(key).command[0]", "the runtime must be an absolute path (the sandbox has no PATH search)")
        }
        if let network = dict["network"] {
            if let flag = network as? Bool, flag == false {} else {
                problem("\(key).network", "only `false` is supported: sandboxed programs have no network")
            }
        }
        let limits = self.limits(dict["limits"], "\(key).limits")
        let filesystem = self.filesystem(dict["filesystem"], "\(key).filesystem")
        let syscalls = self.syscalls(dict["syscalls"], "\(key).syscalls")
        guard let command, !command.isEmpty, let filesystem, let syscalls else {
            if dict["filesystem"] == nil { problem("\(key).filesystem", "required") }
            if dict["syscalls"] == nil { problem("\(key).syscalls", "required") }
            return nil
        }
        return Step(command: command, limits: limits, filesystem: filesystem, syscalls: syscalls)
    }

    mutating func limits(_ value: Any?, _ key: String) -> Limits {
        var limits = Limits.defaults
        let keys = ["cpu_seconds", "wall_seconds", "memory_mb", "output_mb", "processes", "open_files",
                    "file_size_mb", "stack_mb"]
        guard let dict = table(value, key, allowed: keys) else { return limits }
        let mib = 1 << 20
        if let v = number(dict["cpu_seconds"], "\(key).cpu_seconds", range: 0.01...3600) {
            limits.cpu = .milliseconds(Int64(v * 1000))
        }
        if let v = number(dict["wall_seconds"], "\(key).wall_seconds", range: 0.01...7200) {
            limits.wall = .milliseconds(Int64(v * 1000))
        }
        if let v = number(dict["memory_mb"], "\(key).memory_mb", range: 8...1_048_576) {
            limits.memoryBytes = Int(v * Double(mib))
        }
        if let v = number(dict["output_mb"], "\(key).output_mb", range: 0.001...4096) {
            limits.outputBytes = Int(v * Double(mib))
        }
        if let v = number(dict["processes"], "\(key).processes", range: 1...4096) { limits.processes = Int(v) }
        if let v = number(dict["open_files"], "\(key).open_files", range: 8...65536) { limits.openFiles = Int(v) }
        if let v = number(dict["file_size_mb"], "\(key).file_size_mb", range: 0...1_048_576) {
            limits.fileSizeBytes = Int(v * Double(mib))
        }
        if let v = number(dict["stack_mb"], "\(key).stack_mb", range: 1...65536) {
            limits.stackBytes = Int(v * Double(mib))
        }
        if limits.wall < limits.cpu {
            problem("\(key).wall_seconds", "must be at least cpu_seconds")
        }
        return limits
    }

    mutating func filesystem(_ value: Any?, _ key: String) -> FilesystemPolicy? {
        guard let dict = table(value, key, allowed: ["read", "read_write", "execute"]) else { return nil }
        let read = strings(dict["read"], "\(key).read") ?? []
        let readWrite = strings(dict["read_write"], "\(key).read_write") ?? []
        let execute = strings(dict["execute"], "\(key).execute") ?? []
        for (sub, list) in [("read", read), ("read_write", readWrite), ("execute", execute)] {
            for (index, path) in list.enumerated() where !path.hasPrefix("/") && !path.hasPrefix("{") {
                problem("\(key).\(sub)[\(index)]", "'\(path)' must be an absolute path or a placeholder")
            }
        }
        if execute.isEmpty { problem("\(key).execute", "must name the runtime (at least one path)") }
        return FilesystemPolicy(read: read, readWrite: readWrite, execute: execute)
    }

    mutating func syscalls(_ value: Any?, _ key: String) -> SyscallPolicy? {
        guard let dict = table(value, key, allowed: ["default", "allow", "errno", "processes", "exec"])
        else { return nil }
        let allow = strings(dict["allow"], "\(key).allow") ?? []
        if dict["allow"] == nil { problem("\(key).allow", "required: the allowlist of syscalls") }
        for (index, name) in allow.enumerated() where !SyscallTable.isKnown(name) {
            problem("\(key).allow[\(index)]", "unknown syscall '\(name)' on this architecture")
        }
        var errnoRules: [String: Int32] = [:]
        if let table = dict["errno"] {
            if let map = table as? [String: Any] {
                for (name, code) in map {
                    if !SyscallTable.isKnown(name) { problem("\(key).errno.\(name)", "unknown syscall '\(name)'") }
                    if let text = code as? String, let value = ErrnoTable.value(text) {
                        errnoRules[name] = value
                    } else {
                        problem("\(key).errno.\(name)", "expected an errno name: \(ErrnoTable.names.joined(separator: ", "))")
                    }
                }
            } else { problem("\(key).errno", "expected a mapping of syscall names to errno names") }
        }
        var action = SyscallAction.kill
        if let text = string(dict["default"], "\(key).default") {
            if text == "kill" {
                action = .kill
            } else if text.hasPrefix("errno:"), let value = ErrnoTable.value(String(text.dropFirst(6))) {
                action = .errno(value)
            } else {
                problem("\(key).default", "expected `kill` or `errno:NAME` (NAME one of \(ErrnoTable.names.joined(separator: ", ")))")
            }
        }
        let processes = bool(dict["processes"], "\(key).processes") ?? false
        let exec = bool(dict["exec"], "\(key).exec") ?? false
        return SyscallPolicy(allow: allow, errno: errnoRules, processes: processes, exec: exec, defaultAction: action)
    }
}

/// Errno names a profile may use.
enum ErrnoTable {
    static let table: [(String, Int32)] = [
        ("EPERM", EPERM), ("EACCES", EACCES), ("ENOSYS", ENOSYS), ("EINVAL", EINVAL),
        ("ENOENT", ENOENT), ("EAGAIN", EAGAIN), ("ENOMEM", ENOMEM), ("EOPNOTSUPP", EOPNOTSUPP),
    ]
    static var names: [String] { table.map(\.0) }
    static func value(_ name: String) -> Int32? { table.first { $0.0 == name }?.1 }
}
