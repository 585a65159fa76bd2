import Foundation
import Testing
import M2RLCore
@testable import M2RLSandbox

/// The parent's side of a run: stdin and stdout both large, caps, limits, timing, errors.
@Suite("Runs")
struct RunnerTests {
    let python = Fixtures.profile("python3")

    @Test("a large stdin echoed to a large stdout neither deadlocks nor loses a byte")
    func largeEcho() {
        let line = "0123456789abcdefghijklmnopqrstuvwxyz-m2rl\n"
        let text = String(repeating: line, count: (6 << 20) / line.utf8.count)
        let outcome = Fixtures.sandbox.run(Job(
            profile: python, source: .text("import sys\nsys.stdout.buffer.write(sys.stdin.buffer.read())\n"),
            stdin: Array(text.utf8)))
        #expect(outcome.status == .ok)
        #expect(outcome.stdout.utf8.count == text.utf8.count)
        #expect(outcome.stdout == text)
        #expect(!outcome.stdoutTruncated)
    }

    @Test("the output cap keeps exactly the cap and reports output_limit")
    func outputCap() {
        let outcome = Fixtures.sandbox.run(Job(
            profile: python, source: .text("import os\nwhile True: os.write(1, b'a' * 1000)\n"),
            limits: LimitOverrides(outputBytes: 100_000)))
        #expect(outcome.status == .outputLimit)
        #expect(outcome.stdout.utf8.count == 100_000)
        #expect(outcome.stdoutTruncated)
    }

    @Test("output past the cap is output_limit even when the program exits before it is read")
    func outputCapThenExit() {
        let outcome = Fixtures.sandbox.run(Job(
            profile: python, source: .text("import os\nos.write(1, b'a' * 60000)\n"), limits: LimitOverrides(outputBytes: 1000)))
        #expect(outcome.status == .outputLimit, "\(outcome.status)")
        #expect(outcome.stdout.utf8.count == 1000)
    }

    @Test("a deep, locked tree in the scratch folder is removed")
    func deepScratch() {
        let outcome = Fixtures.sandbox.run(Job(profile: python, source: .text("""
            import os
            top = os.getcwd()
            for i in range(400):
                os.mkdir('d')
                os.chdir('d')
                open('f', 'w').write('x')
            os.chdir(top)
            os.chmod('d', 0)
            print(top)
            """)))
        #expect(outcome.status == .ok, "\(outcome)")
        let scratch = outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(scratch.hasPrefix(Fixtures.sandbox.scratchRoot))
        #expect(!FileManager.default.fileExists(atPath: scratch))
    }

    @Test("a fractional CPU limit decides the verdict exactly")
    func fractionalCPU() {
        let outcome = Fixtures.sandbox.run(Job(
            profile: python, source: .text("import time\nt = time.process_time()\nwhile time.process_time() - t < 0.8: pass\n"),
            limits: LimitOverrides(cpu: .milliseconds(300), wall: .seconds(5))))
        #expect(outcome.status == .timeLimit)
        #expect(outcome.cpuMs >= 300)
    }

    @Test("exit code, stderr and times are reported")
    func exitCodeAndTimes() {
        let outcome = Fixtures.sandbox.run(Job(
            profile: python, source: .text("import sys\nsum(range(3_000_000))\nsys.stderr.write('bye')\nsys.exit(7)\n")))
        #expect(outcome.status == .runtimeError)
        #expect(outcome.exitCode == 7)
        #expect(outcome.signal == nil)
        #expect(outcome.stderr == "bye")
        #expect(outcome.cpuMs > 0)
        #expect(outcome.wallMs >= outcome.cpuMs / 2)
    }

    @Test("peak memory is the program's own, not the parent's")
    func peakMemory() {
        let small = Fixtures.sandbox.run(Job(profile: python, source: .text("pass\n")))
        let big = Fixtures.sandbox.run(Job(profile: python, source: .text("x = bytearray(200 << 20)\nx[::4096] = b'1' * len(x[::4096])\n")))
        #expect(small.status == .ok && big.status == .ok)
        #expect(big.peakMemoryKb > 200 * 1024, "a 200 MiB program peaks above 200 MiB: \(big.peakMemoryKb)")
        #expect(small.peakMemoryKb < 100 * 1024, "an empty program is small: \(small.peakMemoryKb)")
    }

    @Test("arguments reach the program, the scratch folder is its working directory and is removed")
    func argumentsAndScratch() throws {
        let outcome = Fixtures.sandbox.run(Job(
            profile: python, source: .text("import os, sys\nprint(sys.argv[1:], os.getcwd())\n"),
            arguments: ["a b", "-c"]))
        #expect(outcome.status == .ok)
        let cwd = try #require(outcome.stdout.split(separator: " ").last).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(outcome.stdout.hasPrefix("['a b', '-c'] "))
        #expect(cwd.hasPrefix(Fixtures.sandbox.scratchRoot))
        #expect(!FileManager.default.fileExists(atPath: cwd), "scratch folder removed")
    }

    @Test("a missing program file is a sandbox_error naming it")
    func missingProgram() {
        let outcome = Fixtures.sandbox.run(Job(profile: python, source: .file("/nonexistent/prog.py")))
        #expect(outcome.status == .sandboxError)
        #expect(outcome.error?.contains("/nonexistent/prog.py") == true)
    }

    @Test("a runtime that does not exist fails in the child with the step named")
    func missingRuntime() throws {
        var profile = python
        profile.run.command[0] = "/usr/bin/python-does-not-exist"
        let outcome = Fixtures.sandbox.run(Job(profile: profile, source: .text("pass\n"), isolation: Isolation.full.without(.landlock)))
        #expect(outcome.status == .sandboxError)
        #expect(outcome.error?.contains("step 'exec'") == true, "\(outcome.error ?? "")")
        #expect(outcome.error?.contains("ENOENT") == true)
    }

    @Test("many runs on both cores give the same answers as one at a time")
    func concurrentRuns() throws {
        let programs = (0..<16).map { "print(sum(range(\($0) * 1000)))\n" }
        let outcomes = try concurrentMap(programs, width: 2) { Fixtures.sandbox.run(Job(profile: python, source: .text($0))) }
        for (i, outcome) in outcomes.enumerated() {
            #expect(outcome.status == .ok)
            #expect(outcome.stdout == "\((0..<(i * 1000)).reduce(0, +))\n")
        }
    }

    @Test("a parent holding many descriptors neither leaks them nor starves the child's setup")
    func manyParentDescriptors() {
        let held = (0..<300).map { _ in open("/dev/null", O_RDONLY) }
        defer { held.forEach { close($0) } }
        let outcome = Fixtures.sandbox.run(Job(
            profile: python, source: .text("import os\nprint(sorted(int(f) for f in os.listdir('/proc/self/fd')))\n")))
        #expect(outcome.status == .ok, "\(outcome)")
        #expect(outcome.stdout == "[0, 1, 2, 3]\n", "only stdio and listdir's own descriptor: \(outcome.stdout)")
    }

    @Test("a C program is compiled in the sandbox, then run")
    func compileThenRun() {
        let outcome = Fixtures.sandbox.run(Job(
            profile: Fixtures.profile("c"), source: .text("#include <stdio.h>\nint main(int c, char **v){printf(\"%s\\n\", v[1]);return 0;}\n"),
            arguments: ["arg1"]))
        #expect(outcome.status == .ok)
        #expect(outcome.stdout == "arg1\n")
    }

    @Test("a compile error carries the compiler's message")
    func compileError() {
        let outcome = Fixtures.sandbox.run(Job(profile: Fixtures.profile("cpp"), source: .text("int main() { return nope; }\n")))
        #expect(outcome.status == .compileError)
        #expect(outcome.stderr.contains("nope"))
    }
}
