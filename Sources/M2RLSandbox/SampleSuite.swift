import Foundation
import M2RLCore
import Yams

/// One case of testcases/sandbox/cases.yaml: a program and the outcome it must get.
public struct SampleCase: Sendable {
    public var name: String
    public var file: String
    public var profile: String
    public var expect: Status
    public var violation: String?
    public var stdout: String?
    public var stdoutContains: String?
    public var stdin: [UInt8]
    public var args: [String]
    public var limits: LimitOverrides
    /// The layer that stops this program, and the layers that would stop it before that one.
    public var proves: Layer?
    public var proofAlsoWithout: [Layer]
}

extension SampleCase {
    /// Loads and validates a cases file; program paths are resolved next to it.
    /// - Throws: `ValidationErrors` naming the file, the case and the key of every problem.
    public static func load(path: String) throws -> [SampleCase] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationErrors([(SourceLocation(file: path), "cannot read the cases file")])
        }
        let dir = (path as NSString).deletingLastPathComponent
        let root = try Yams.load(yaml: String(decoding: data, as: UTF8.self))
        guard let list = root as? [[String: Any]] else {
            throw ValidationErrors([(SourceLocation(file: path), "expected a list of cases")])
        }
        var problems: [(SourceLocation, String)] = []
        var cases: [SampleCase] = []
        let known: Set<String> = ["name", "file", "profile", "expect", "violation", "stdout", "stdout_contains", "stdin",
                                  "stdin_bytes", "args", "limits", "proves", "proof_also_without"]
        for (index, item) in list.enumerated() {
            let name = item["name"] as? String ?? "#\(index)"
            func bad(_ key: String, _ message: String) {
                problems.append((SourceLocation(file: path, key: "\(name).\(key)"), message))
            }
            for key in item.keys where !known.contains(key) { bad(key, "unknown key") }
            guard let file = item["file"] as? String else { bad("file", "required"); continue }
            guard let profile = item["profile"] as? String else { bad("profile", "required"); continue }
            guard let expectText = item["expect"] as? String, let expect = Status(rawValue: expectText) else {
                bad("expect", "required, one of \(Status.allCases.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            var stdin = Array((item["stdin"] as? String ?? "").utf8)
            if let count = item["stdin_bytes"] as? Int { stdin = [UInt8](repeating: UInt8(ascii: "7"), count: count) }
            var limits = LimitOverrides()
            if let l = item["limits"] as? [String: Any] {
                for key in l.keys where !["cpu_seconds", "wall_seconds", "memory_mb", "output_mb"].contains(key) {
                    bad("limits.\(key)", "unknown key")
                }
                func number(_ key: String) -> Double? { (l[key] as? Double) ?? (l[key] as? Int).map(Double.init) }
                limits.cpu = number("cpu_seconds").map { .milliseconds(Int64($0 * 1000)) }
                limits.wall = number("wall_seconds").map { .milliseconds(Int64($0 * 1000)) }
                limits.memoryBytes = number("memory_mb").map { Int($0) << 20 }
                limits.outputBytes = number("output_mb").map { Int($0 * 1_048_576) }
            }
            var proves: Layer?
            if let text = item["proves"] as? String {
                proves = Layer(rawValue: text)
                if proves == nil { bad("proves", "unknown layer '\(text)'") }
            }
            let also = (item["proof_also_without"] as? [String] ?? []).compactMap { text -> Layer? in
                let layer = Layer(rawValue: text)
                if layer == nil { bad("proof_also_without", "unknown layer '\(text)'") }
                return layer
            }
            cases.append(SampleCase(
                name: name, file: dir + "/" + file, profile: profile, expect: expect,
                violation: item["violation"] as? String, stdout: item["stdout"] as? String,
                stdoutContains: item["stdout_contains"] as? String, stdin: stdin,
                args: (item["args"] as? [Any] ?? []).map { "\($0)" }, limits: limits, proves: proves,
                proofAlsoWithout: also))
        }
        if !problems.isEmpty { throw ValidationErrors(problems) }
        return cases
    }
}

/// What the hostile programs attack, made fresh for a suite: a planted secret, a folder
/// outside the scratch root, a TCP server on 127.0.0.1 and a listening Unix socket. `close`
/// removes it all.
public final class SampleEnvironment: @unchecked Sendable {
    public let root: String
    public let secretPath: String
    public let secret: String
    public let outsideDir: String
    public let unixSocketPath: String
    public private(set) var tcpPort: Int = 0
    private var listeners: [Int32] = []
    private var threads: [Thread] = []

    public init() throws {
        var template = Array("/tmp/m2rl-samples-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw SandboxError.system(call: "mkdtemp", errno: Sys.errnoName(errno))
        }
        root = String(cString: template)
        chmod(root, 0o755)
        secret = "m2rl-secret-\(UInt64.random(in: 1...UInt64.max))"
        secretPath = root + "/secret.txt"
        // Readable by anyone, so only the sandbox's own layers keep it from the program.
        try secret.write(toFile: secretPath, atomically: false, encoding: .utf8)
        chmod(secretPath, 0o644)
        outsideDir = root + "/outside"
        mkdir(outsideDir, 0o777)
        chmod(outsideDir, 0o777)
        unixSocketPath = root + "/server.sock"
        try startTCPServer()
        try startUnixServer()
    }

    /// `{outside}` for one case: a file that must not exist after the run.
    public func outsidePath(_ name: String) -> String { outsideDir + "/" + name }

    public func expand(_ arg: String, caseName: String, token: String) -> String {
        arg.replacingOccurrences(of: "{secret}", with: secretPath)
            .replacingOccurrences(of: "{outside}", with: outsidePath(caseName))
            .replacingOccurrences(of: "{tcp_port}", with: String(tcpPort))
            .replacingOccurrences(of: "{unix_socket}", with: unixSocketPath)
            .replacingOccurrences(of: "{caller_pid}", with: String(getpid()))
            .replacingOccurrences(of: "{token}", with: token)
    }

    public func close() {
        for fd in listeners { shutdown(fd, Int32(SHUT_RDWR)); Sys.close(fd) }
        listeners.removeAll()
        try? FileManager.default.removeItem(atPath: root)
    }

    private func startTCPServer() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                bind(fd, sa, len) == 0 && listen(fd, 16) == 0 && getsockname(fd, sa, &len) == 0
            }
        }
        guard fd >= 0, ok else { throw SandboxError.system(call: "TCP test server", errno: Sys.errnoName(errno)) }
        tcpPort = Int(UInt16(bigEndian: addr.sin_port))
        serve(fd)
    }

    private func startUnixServer() throws {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            for (i, byte) in unixSocketPath.utf8.prefix(raw.count - 1).enumerated() { raw[i] = byte }
        }
        let ok = withUnsafePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0 && listen(fd, 16) == 0
            }
        }
        guard fd >= 0, ok else { throw SandboxError.system(call: "Unix test server", errno: Sys.errnoName(errno)) }
        chmod(unixSocketPath, 0o777)
        serve(fd)
    }

    /// Accepts and closes connections until the listener is shut down.
    private func serve(_ fd: Int32) {
        listeners.append(fd)
        let thread = Thread {
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 { if errno == EINTR { continue } else { return } }
                Sys.close(client)
            }
        }
        thread.start()
        threads.append(thread)
    }
}

/// One case run: the outcome and every check made after it.
public struct SampleResult: Sendable {
    public var sample: SampleCase
    public var outcome: Outcome
    /// The program reported a successful attack, or created its {outside} file.
    public var escaped: Bool
    public var secretLeaked: Bool
    public var outsideWritten: Bool
    /// Processes of the run still alive after it ended (pids).
    public var survivors: [Int32]
    /// Differences from the expected outcome; empty when the case passed.
    public var problems: [String]

    public var passed: Bool { problems.isEmpty }
}

/// Runs sample cases and checks their outcomes and after-effects.
public struct SampleRunner: Sendable {
    public let sandbox: Sandbox
    public let environment: SampleEnvironment
    public let catalog: ProfileCatalog

    public init(sandbox: Sandbox, environment: SampleEnvironment, catalog: ProfileCatalog) {
        self.sandbox = sandbox
        self.environment = environment
        self.catalog = catalog
    }

    /// Runs `sample` under `isolation`. With `judge`, compares with the expected outcome.
    public func run(_ sample: SampleCase, isolation: Isolation = .full, judge: Bool = true) throws -> SampleResult {
        let profile = try catalog.load(sample.profile)
        let token = "\(sample.name)-\(UInt32.random(in: 1...UInt32.max))"
        let outside = environment.outsidePath(sample.name)
        try? FileManager.default.removeItem(atPath: outside)
        let args = sample.args.map { environment.expand($0, caseName: sample.name, token: token) }
        // A scratch root of the run's own, so the survivor check sees only this run's processes.
        let scratchRoot = environment.root + "/scratch-" + token
        defer { _ = rmdir(scratchRoot) }
        let outcome = sandbox.run(Job(
            profile: profile, source: .file(sample.file), arguments: args, stdin: sample.stdin,
            limits: sample.limits, isolation: isolation, scratchRoot: scratchRoot))
        let survivors = SampleRunner.processes(mentioning: scratchRoot)
        for pid in survivors { kill(pid, SIGKILL) }  // reported below; never left running
        let outsideWritten = FileManager.default.fileExists(atPath: outside)
        try? FileManager.default.removeItem(atPath: outside)
        let secretLeaked = outcome.stdout.contains(environment.secret) || outcome.stderr.contains(environment.secret)
        let escaped = outcome.stdout.contains("ESCAPED") || outsideWritten
        var problems: [String] = []
        if judge {
            if outcome.status != sample.expect {
                problems.append("status \(outcome.status.rawValue), expected \(sample.expect.rawValue)"
                    + (outcome.error.map { " (\($0))" } ?? ""))
            }
            if let v = sample.violation, !(outcome.violation ?? "").contains(v) {
                problems.append("violation \(outcome.violation ?? "none"), expected \(v)")
            }
            if let s = sample.stdout, outcome.stdout != s { problems.append("stdout \(outcome.stdout.debugDescription), expected \(s.debugDescription)") }
            if let s = sample.stdoutContains, !outcome.stdout.contains(s) {
                problems.append("stdout \(outcome.stdout.prefix(200).debugDescription) lacks \(s.debugDescription)")
            }
            if escaped { problems.append("the attack got through: \(outcome.stdout.prefix(200).debugDescription)") }
        }
        if secretLeaked { problems.append("the secret was read") }
        if !survivors.isEmpty { problems.append("processes survived the run: \(survivors)") }
        return SampleResult(
            sample: sample, outcome: outcome, escaped: escaped, secretLeaked: secretLeaked,
            outsideWritten: outsideWritten, survivors: survivors, problems: problems)
    }

    /// Pids whose command line mentions `text` (a scratch root is unique to one sandbox).
    public static func processes(mentioning text: String) -> [Int32] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        var found: [Int32] = []
        for entry in entries {
            guard let pid = Int32(entry), pid != getpid(),
                  let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
            let cmdline = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            if cmdline.contains(text) { found.append(pid) }
        }
        return found.sorted()
    }
}
