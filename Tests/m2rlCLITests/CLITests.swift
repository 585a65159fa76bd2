import Foundation
import Testing
import M2RLTestSupport

/// Runs the built `m2rl` like a user would and checks output and exit status.
enum CLI {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let binary: String = {
        let candidates = [CommandLine.arguments.first, Bundle.main.executablePath].compactMap { $0 }
            .map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
        for dir in candidates {
            var d = dir
            for _ in 0..<4 {
                let path = d.appendingPathComponent("m2rl").path
                if FileManager.default.isExecutableFile(atPath: path) { return path }
                d.deleteLastPathComponent()
            }
        }
        return root + "/.build/debug/m2rl"
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ args: [String], stdin: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = args
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let input = Pipe()
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryFile(_ name: String, _ text: String) throws -> String {
        let path = try TemporaryFolder.make("cli") + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

@Suite("m2rl command line")
struct CLITests {
    @Test("m2rl --help lists the sandbox command")
    func help() throws {
        let r = try CLI.run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE: m2rl <subcommand>"))
        #expect(r.stdout.contains("sandbox"))
    }

    @Test("every sandbox subcommand has help", arguments: ["run", "samples", "profiles", "check"])
    func subcommandHelp(name: String) throws {
        let r = try CLI.run(["sandbox", name, "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE: m2rl sandbox \(name)"))
        #expect(r.stdout.contains("--isolation"))
    }

    @Test("sandbox run prints the Outcome with every contract key")
    func runPrintsOutcome() throws {
        let program = try CLI.temporaryFile("echo.py", "import sys\nprint(sys.stdin.read().strip(), sys.argv[1])\n")
        let input = try CLI.temporaryFile("in.txt", "from-stdin\n")
        let r = try CLI.run(["sandbox", "run", "--profile", "python3", "--time-limit", "2", "--memory-limit", "256",
                             "--stdin", input, "--", program, "arg"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        for key in ["status", "exit_code", "signal", "cpu_ms", "wall_ms", "peak_memory_kb", "stdout", "stderr",
                    "stdout_truncated", "violation"] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
        #expect(object["status"] as? String == "ok")
        #expect(object["stdout"] as? String == "from-stdin arg\n")
        #expect(object["exit_code"] as? Int == 0)
        #expect(object["signal"] is NSNull)
        #expect(object["violation"] is NSNull)
    }

    @Test("a syscall violation names the syscall in the Outcome")
    func violation() throws {
        let program = try CLI.temporaryFile("sock.py", "import socket\nsocket.socket()\n")
        let r = try CLI.run(["sandbox", "run", "--profile", "python3", "--", program])
        #expect(r.status == 0)
        #expect(r.stdout.contains(#""status":"syscall_violation""#))
        #expect(r.stdout.contains(#""violation":"socket""#))
    }

    @Test("a missing program argument is bad usage (exit 2)")
    func missingProgram() throws {
        let r = try CLI.run(["sandbox", "run", "--profile", "python3"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("Missing expected argument"))
    }

    @Test("an invalid isolation level is bad usage and lists the valid ones")
    func badIsolation() throws {
        let r = try CLI.run(["sandbox", "run", "--profile", "python3", "--isolation", "none", "--", "x.py"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--isolation 'none' is not valid"))
        #expect(r.stderr.contains("landlock"))
    }

    @Test("out-of-range limits are bad usage", arguments: [["--time-limit", "0"], ["--memory-limit", "1"]])
    func badLimits(flags: [String]) throws {
        let r = try CLI.run(["sandbox", "run", "--profile", "python3"] + flags + ["--", "x.py"])
        #expect(r.status == 2)
    }

    @Test("an unknown profile fails (exit 1) and names the available profiles")
    func unknownProfile() throws {
        let program = try CLI.temporaryFile("p.py", "pass\n")
        let r = try CLI.run(["sandbox", "run", "--profile", "fortran", "--", program])
        #expect(r.status == 1)
        #expect(r.stderr.contains("no sandbox profile named 'fortran'"))
        #expect(r.stderr.contains("python3"))
    }

    @Test("a missing --stdin file is bad usage naming it")
    func missingStdin() throws {
        let program = try CLI.temporaryFile("p.py", "pass\n")
        let r = try CLI.run(["sandbox", "run", "--profile", "python3", "--stdin", "/no/such/input", "--", program])
        #expect(r.status == 2)
        #expect(r.stderr.contains("/no/such/input"))
    }

    @Test("sandbox profiles lists the shipped profiles, and fails on invalid ones")
    func profiles() throws {
        let good = try CLI.run(["sandbox", "profiles"])
        #expect(good.status == 0)
        for name in ["python3", "c", "cpp"] { #expect(good.stdout.contains(name)) }
        let bad = try CLI.run(["sandbox", "profiles", "--profiles", CLI.root + "/testcases/profiles/invalid"])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("INVALID"))
        #expect(bad.stderr.contains("unknown syscall 'reed'"))
    }

    @Test("sandbox check reports every layer")
    func check() throws {
        let r = try CLI.run(["sandbox", "check", "--json"])
        #expect(r.status == 0, "\(r.stdout) \(r.stderr)")
        for layer in ["namespaces", "network", "credentials", "rlimits", "landlock", "seccomp", "full"] {
            #expect(r.stdout.contains(#""layer" : "\#(layer)""#))
        }
    }

    @Test("sandbox samples runs a filtered case and reports it")
    func samples() throws {
        let r = try CLI.run(["sandbox", "samples", "--filter", "hello", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").count == 3)
        #expect(r.stderr.contains("3 passed, 0 failed"))
    }
}

@Suite("m2rl score")
struct ScoreCLITests {
    @Test("scores code requests, one line out per line in, in order; exit 3 with an error line")
    func scoreLines() throws {
        let input = [
            #"{"id": "a", "completion": "```python\nprint(int(input()) * 2)\n```", "problem": {"id": "p", "domain": "code", "tests": {"kind": "stdio", "cases": [{"input": "4\n", "output": "8\n"}]}}}"#,
            "{broken",
            #"{"id": "c", "completion": "```python\nprint(0)\n```", "problem": {"id": "p", "domain": "code", "tests": {"kind": "stdio", "cases": [{"input": "4\n", "output": "8\n"}]}}}"#,
        ].joined(separator: "\n") + "\n"
        let r = try CLI.run(["score", "--jobs", "2"], stdin: input)
        #expect(r.status == 3, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].contains(#""id":"a""#) && lines[0].contains(#""reward":1"#) && lines[0].contains(#""verdict":"correct""#))
        #expect(lines[1].contains(#""line":2"#) && lines[1].contains(#""code":"bad_json""#))
        #expect(lines[2].contains(#""verdict":"wrong_answer""#))
        #expect(r.stderr.contains("3 lines, 2 scored, 1 errors"))
    }

    @Test("all lines scored: exit 0")
    func allScored() throws {
        let input = #"{"id": "a", "completion": "```python\nprint(1)\n```", "problem": {"id": "p", "domain": "code", "tests": {"kind": "stdio", "cases": [{"input": "", "output": "1"}]}}}"# + "\n"
        let r = try CLI.run(["score"], stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").count == 1)
    }

    @Test("--dataset resolves problem_id from a gzip-compressed JSON Lines file")
    func dataset() throws {
        let problem = #"{"id": "sq", "domain": "code", "tests": {"kind": "stdio", "cases": [{"input": "3\n", "output": "9\n"}]}}"#
        let plain = try CLI.temporaryFile("problems.jsonl", problem + "\nnot a problem\n")
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-kf", plain]
        try gzip.run()
        gzip.waitUntilExit()
        let input = #"{"id": 1, "completion": "```python\nx = int(input())\nprint(x * x)\n```", "problem_id": "sq"}"# + "\n"
        let r = try CLI.run(["score", "--dataset", plain + ".gz"], stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(#""reward":1"#))
        #expect(r.stderr.contains("2 records read, 1 problems, 1 rejected"))
        #expect(r.stderr.contains("problems.jsonl.gz"))
    }

    @Test("score --help explains the contract")
    func help() throws {
        let r = try CLI.run(["score", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("--dataset"))
        #expect(r.stdout.contains("--jobs"))
    }
}

/// The same binary run by an unprivileged user: the sandbox then builds on user namespaces.
@Suite("m2rl as a non-root user", .serialized,
       .enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser"),
                "needs root (as in CI) and runuser to switch to an unprivileged user"))
struct NonRootTests {
    /// A world-readable copy of the binary and profiles (the checkout may sit in a private
    /// folder), and a scratch root the user owns.
    static let setup: (dir: String, binary: String)? = {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") else { return nil }
        // In /tmp itself: $TMPDIR may be private to root.
        let dir = try! TemporaryFolder.make(in: "/tmp", "m2rl-nonroot")
        let binary = dir + "/m2rl"
        try! FileManager.default.copyItem(atPath: CLI.binary, toPath: binary)
        try! FileManager.default.copyItem(atPath: CLI.root + "/sandbox-profiles", toPath: dir + "/sandbox-profiles")
        try! "import sys\nprint(sum(map(int, sys.stdin.read().split())))\n".write(toFile: dir + "/sum.py", atomically: true, encoding: .utf8)
        try! "import socket\nsocket.socket()\n".write(toFile: dir + "/sock.py", atomically: true, encoding: .utf8)
        try! "1 2 3\n".write(toFile: dir + "/in.txt", atomically: true, encoding: .utf8)
        for path in [dir, binary, dir + "/sum.py", dir + "/sock.py", dir + "/in.txt"] { chmod(path, 0o755) }
        chmod(dir + "/sandbox-profiles", 0o755)
        return (dir, binary)
    }()

    func asNobody(_ args: [String]) throws -> CLI.Result {
        let (dir, binary) = Self.setup!
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        process.arguments = ["-u", "nobody", "--", binary] + args + []
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        process.environment = ["PATH": "/usr/bin:/bin", "TMPDIR": "/tmp", "M2RL_PROFILES": dir + "/sandbox-profiles"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    @Test("runs a program and stops a forbidden syscall under user namespaces")
    func runAsNobody() throws {
        let dir = try #require(Self.setup).dir
        let ok = try asNobody(["sandbox", "run", "--profile", "python3", "--stdin", dir + "/in.txt", "--", dir + "/sum.py"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains(#""status":"ok""#) && ok.stdout.contains(#""stdout":"6\n""#), "\(ok.stdout)")
        let violation = try asNobody(["sandbox", "run", "--profile", "python3", "--", dir + "/sock.py"])
        #expect(violation.stdout.contains(#""violation":"socket""#), "\(violation.stdout) \(violation.stderr)")
    }

    @Test("sandbox check reports every layer available")
    func checkAsNobody() throws {
        _ = try #require(Self.setup)
        let r = try asNobody(["sandbox", "check"])
        #expect(r.status == 0, "\(r.stdout) \(r.stderr)")
        #expect(r.stdout.contains("runs use user namespaces"))
    }
}
