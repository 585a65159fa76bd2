import Foundation
import Testing
import M2RLCore
@testable import M2RLVerify

/// A math "verifier" for pipeline tests: reward 1 when the completion equals the answer,
/// after sleeping a pseudo-random while so that workers finish out of order.
struct EchoVerifier: Verifier {
    let domain = Domain.math
    let options: [String] = []
    func verify(_ completion: String, problem: Problem) throws -> Verification {
        usleep(UInt32((completion.hashValue & 0x7) * 500))
        return Verification(reward: completion == problem.answer ? 1 : 0, verdict: completion == problem.answer ? "correct" : "incorrect")
    }
}

final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}

struct MapSource: ProblemSource {
    let problems: [String: Problem]
    func problem(id: String) -> Problem? { problems[id] }
}

/// A math "verifier" whose completion "slow" takes 100 ms and any other none.
/// Sleeps 0.1 s on a "slow" completion, noting the thread that scored it.
struct SlowVerifier: Verifier {
    /// How many slow lines each thread scored.
    final class Threads: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [UInt: Int] = [:]
        func note() { lock.lock(); seen[UInt(pthread_self()), default: 0] += 1; lock.unlock() }
        var perThread: [Int] { lock.lock(); defer { lock.unlock() }; return Array(seen.values) }
    }

    let domain = Domain.math
    let options: [String] = []
    var threads = Threads()
    func verify(_ completion: String, problem: Problem) throws -> Verification {
        if completion == "slow" {
            threads.note()
            usleep(100_000)
        }
        return Verification(reward: 0, verdict: "incorrect")
    }
}

@Suite("m2rl score pipeline")
struct ScoringTests {
    func request(_ i: Int) -> String {
        #"{"id": "r\#(i)", "completion": "\#(i % 3)", "problem": {"id": "m\#(i)", "domain": "math", "answer": "0"}}"#
    }

    @Test("results come out in input order, one per line, with the right rewards")
    func ordered() {
        let session = ScoreSession(registry: VerifierRegistry([EchoVerifier()]), jobs: 4)
        var input = (1...300).map(request)
        let out = Lines()
        let stats = session.run(nextLine: { input.isEmpty ? nil : input.removeFirst() }, write: out.append)
        let results = out.all.map { try! JSONValue.parse($0) }
        #expect(results.count == 300)
        #expect(results.map { $0["id"]?.string } == (1...300).map { "r\($0)" })
        #expect(results.map { $0["reward"]?.number } == (1...300).map { $0 % 3 == 0 ? 1.0 : 0.0 })
        #expect(stats.lines == 300 && stats.scored == 300 && stats.errors == 0)
        #expect(stats.verdicts["correct"] == 100)
    }

    @Test("batches in, batches out: in input order, every line once, on one thread or several", arguments: [1, 3])
    func batches(jobs: Int) {
        let session = ScoreSession(registry: VerifierRegistry([EchoVerifier()]), jobs: jobs, window: 16)
        var batches = (0..<30).map { batch in (0..<(batch % 7)).map { request(batch * 10 + $0) } }
        let expected = batches.flatMap { $0 }.map { try! JSONValue.parse($0)["id"]!.string! }
        let out = Lines()
        let stats = session.run(nextLines: { batches.isEmpty ? nil : batches.removeFirst() }, write: { $0.forEach(out.append) })
        #expect(out.all.map { try! JSONValue.parse($0)["id"]?.string } == expected)
        #expect(stats.lines == expected.count && stats.scored == expected.count)
    }

    @Test("slow lines taken in one run are handed back, so the workers share them")
    func slowLinesShared() {
        let slow = SlowVerifier()
        let session = ScoreSession(registry: VerifierRegistry([slow]), jobs: 2)
        func line(_ i: Int, _ completion: String) -> String {
            #"{"id": "r\#(i)", "completion": "\#(completion)", "problem": {"id": "m\#(i)", "domain": "math", "answer": "0"}}"#
        }
        // Fast lines first, so that runs grow to many lines; then 8 slow ones in a row.
        let input = (1...200).map { line($0, "0") } + (201...208).map { line($0, "slow") } + (209...300).map { line($0, "0") }
        let out = Lines()
        let stats = session.run(nextLines: { nil }, write: { _ in })
        #expect(stats.lines == 0)
        var batches = [input]
        _ = session.run(nextLines: { batches.isEmpty ? nil : batches.removeFirst() }, write: { $0.forEach(out.append) })
        #expect(out.all.map { try! JSONValue.parse($0)["id"]?.string } == (1...300).map { "r\($0)" })
        // The 8 slow lines fall in one run; handed back one at a time after the first, both
        // workers score some (kept, they would all be the first worker's). No wall-clock bound
        // and no share asserted: the machine is shared.
        let shares = slow.threads.perThread.sorted()
        #expect(shares.reduce(0, +) == 8)
        #expect(shares.count == 2, "slow lines per worker: \(shares)")
    }

    @Test("every unscorable line is an error line in its place; none is dropped", arguments: [
        ("not json", "bad_json"),
        ("[1, 2]", "bad_request"),
        (#"{"id": "x", "problem": {"id": "p", "domain": "math"}}"#, "bad_request"),
        (#"{"id": "x", "completion": "1"}"#, "bad_request"),
        (#"{"id": "x", "completion": "1", "problem": {"id": "p", "domain": "poetry"}}"#, "invalid_problem"),
        (#"{"id": "x", "completion": "1", "problem": {"domain": "math"}}"#, "invalid_problem"),
        (#"{"id": "x", "completion": "1", "problem_id": "nope"}"#, "unknown_problem"),
        (#"{"id": "x", "completion": "1", "problem": {"id": "p", "domain": "science"}}"#, "no_verifier"),
        ("", "bad_json"),
    ])
    func errorLines(line: String, code: String) {
        let session = ScoreSession(registry: VerifierRegistry([EchoVerifier()]), jobs: 2)
        var input = [request(1), line, request(3)]
        let out = Lines()
        let stats = session.run(nextLine: { input.isEmpty ? nil : input.removeFirst() }, write: out.append)
        #expect(out.all.count == 3)
        let error = try! JSONValue.parse(out.all[1])
        #expect(error["line"] == .int(2))
        #expect(error["verdict"] == "error")
        #expect(error["reward"]?.number == 0)
        #expect(error["error"]?["code"]?.string == code, "\(out.all[1])")
        // A plain local: the macro mis-expanded `(x ?? "").contains(...)` and checked nothing.
        let message = error["error"]?["message"]?.string ?? ""
        #expect(message.contains("line 2"), "\(message)")
        #expect(stats.errors == 1 && stats.scored == 2)
        #expect(try! JSONValue.parse(out.all[2])["id"] == "r3")
    }

    @Test("problem_id is resolved through the dataset")
    func problemID() {
        let source = MapSource(problems: ["m1": Problem(id: "m1", domain: .math, answer: "7")])
        let session = ScoreSession(registry: VerifierRegistry([EchoVerifier()]), problems: source, jobs: 1)
        var input = [#"{"id": 5, "completion": "7", "problem_id": "m1"}"#]
        let out = Lines()
        _ = session.run(nextLine: { input.isEmpty ? nil : input.removeFirst() }, write: out.append)
        let result = try! JSONValue.parse(out.all[0])
        #expect(result["id"] == .int(5))
        #expect(result["reward"]?.number == 1)
        #expect(result["domain"] == "math")
        #expect(result["elapsed_ms"]?.number != nil)
    }

    @Test("results stream: the first is written before the input ends, and reading waits for the writer")
    func streaming() {
        let session = ScoreSession(registry: VerifierRegistry([EchoVerifier()]), jobs: 2, window: 8)
        let out = Lines()
        var count = 0
        var sawOutputEarly = false
        _ = session.run(nextLine: {
            count += 1
            if count == 100 { sawOutputEarly = !out.all.isEmpty }
            // The pipeline holds at most `window` lines in flight.
            if count > 20 { #expect(out.all.count >= count - 1 - 8) }
            return count <= 200 ? request(count) : nil
        }, write: out.append)
        #expect(sawOutputEarly)
        #expect(out.all.count == 200)
    }
}
