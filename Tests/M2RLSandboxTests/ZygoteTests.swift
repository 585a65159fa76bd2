import Foundation
import Testing
@testable import M2RLSandbox

/// The zygote against a fresh interpreter per run: the same outcome for the same program.
@Suite("Python zygote", .serialized)
struct ZygoteTests {
    static let zygote: PythonZygote = try! PythonZygote(sandbox: Fixtures.sandbox, profile: Fixtures.profile("python3"))

    @Test("runs a program with real stdin and stdout")
    func echo() {
        let outcome = Self.zygote.run(program: "import sys\nprint(sys.stdin.buffer.read().decode().upper(), end='')\n",
                                      stdin: Array("hello\n".utf8))
        #expect(outcome.status == .ok, "\(outcome)")
        #expect(outcome.stdout == "HELLO\n")
    }

    @Test("programs agree with a fresh interpreter", arguments: [
        ("print(input())\n", "x\n"),
        ("import sys\nsys.exit(3)\n", ""),
        ("raise ValueError('no')\n", ""),
        ("import socket\nsocket.socket()\n", ""),
        ("import os\nos.fork()\n", ""),
        ("import os\nos.execv('/bin/sh', ['sh'])\n", ""),
        ("while True: pass\n", ""),
        ("x = bytearray(1 << 31)\n", ""),
        ("import sys\nsys.stdout.write('x' * (1 << 21))\n", ""),
        ("import os\nprint(os.getcwd() != '', len(os.listdir('.')))\n", ""),
        ("import sys\nprint(sys.argv[1:])\n", ""),
        ("import random\nprint(random.random() != random.random())\n", ""),
        ("print(__name__)\n", ""),
        ("import threading\nthreading.Thread(target=lambda: print('from a thread')).start()\n", ""),
        ("import atexit\natexit.register(lambda: print('bye'))\nprint('hi')\n", ""),
        ("import sys\nsys.stdout.write('no newline')\nraise SystemExit(2)\n", ""),
    ])
    func agreement(program: String, input: String) {
        let limits = LimitOverrides(cpu: .seconds(1), wall: .seconds(3), memoryBytes: 256 << 20, outputBytes: 1 << 20)
        let fresh = Fixtures.sandbox.run(Job(profile: Fixtures.profile("python3"), source: .text(program),
                                             arguments: ["a"], stdin: Array(input.utf8), limits: limits))
        let forked = Self.zygote.run(program: program, arguments: ["a"], stdin: Array(input.utf8), limits: limits)
        #expect(forked.status == fresh.status, "\(program): zygote \(forked) fresh \(fresh)")
        #expect(forked.exitCode == fresh.exitCode)
        #expect(forked.violation == fresh.violation)
        #expect(forked.stdout == fresh.stdout)
        #expect(!Self.zygote.broken)
    }

    @Test("a zygote outlives the thread that started it")
    func outlivesItsThread() throws {
        final class Box: @unchecked Sendable { var zygote: PythonZygote? }
        let box = Box()
        let thread = Thread { box.zygote = try? PythonZygote(sandbox: Fixtures.sandbox, profile: Fixtures.profile("python3")) }
        thread.start()
        while !thread.isFinished { usleep(10_000) }
        usleep(200_000)
        let zygote = try #require(box.zygote)
        #expect(zygote.isAlive)
        #expect(zygote.run(program: "print(2)\n").stdout == "2\n")
    }

    @Test("a test cannot kill or signal the zygote")
    func signalsIgnored() {
        let outcome = Self.zygote.run(program: "import os, signal\nfor s in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):\n    os.kill(1, s)\nprint('done')\n")
        #expect(outcome.status == .ok, "\(outcome)")
        #expect(Self.zygote.isAlive)
        #expect(Self.zygote.run(program: "print(1)\n").stdout == "1\n")
    }

    @Test("deep and locked folders a test leaves are removed, the zygote's own script too")
    func hostileLeftovers() {
        let program = """
            import os
            top = os.getcwd()
            for i in range(300):
                os.mkdir('d')
                os.chdir('d')
            os.chdir(top)
            os.chmod('d', 0)
            try:
                os.unlink('../zygote.py')
            except OSError:
                pass
            print('ok')
            """
        #expect(Self.zygote.run(program: program).stdout == "ok\n")
        let after = Self.zygote.run(program: "import os\nprint(sorted(os.listdir('..')), os.listdir('.'))\n")
        #expect(after.stdout == "['t'] ['main.py']\n", "\(after)")
    }

    @Test("files a test leaves behind are gone for the next")
    func noLeftovers() {
        let first = Self.zygote.run(program: "open('../left.txt', 'w').write('x')\nopen('here.txt', 'w').write('y')\nprint('ok')\n")
        #expect(first.status == .ok, "\(first)")
        let second = Self.zygote.run(program: "import os\nprint(os.path.exists('../left.txt'), os.path.exists('here.txt'))\n")
        #expect(second.stdout == "False False\n", "\(second)")
    }
}
