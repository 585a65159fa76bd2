import Foundation
import M2RLCore

/// Looks problems up by id, for requests that name a problem instead of carrying it
/// (`m2rl score --dataset ARCHIVE`).
public protocol ProblemSource: Sendable {
    func problem(id: String) -> Problem?
}

/// Counts of one scoring session, for the summary line.
public struct ScoreStats: Sendable {
    public var lines = 0
    public var scored = 0
    public var errors = 0
    public var rewardSum = 0.0
    public var verdicts: [String: Int] = [:]
    public var errorCodes: [String: Int] = [:]
    public var seconds = 0.0

    public var summary: String {
        let rate = seconds > 0 ? Double(lines) / seconds : 0
        let mean = scored > 0 ? rewardSum / Double(scored) : 0
        var text = "m2rl score: \(lines) lines, \(scored) scored, \(errors) errors"
        if !errorCodes.isEmpty {
            text += " (" + errorCodes.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")"
        }
        text += String(format: "; mean reward %.4f; %.1f lines/s", mean, rate)
        if !verdicts.isEmpty {
            text += "; verdicts: " + verdicts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        return text
    }
}

/// Scores JSON Lines requests (DESIGN.md, "Scoring"): one result line per input line, in input
/// order, streaming. Lines come in batches (whatever input is at hand, `LineBatches`) and their
/// results go out a batch at a time, so a long input costs one hand-over between threads and
/// one write per batch, not per line. With one job the reading thread scores each batch itself;
/// with more, `jobs` worker threads take batches, at most `4 × jobs` batches in flight (memory
/// stays bounded whatever the input's length). A line that cannot be scored yields an error
/// result line; nothing is dropped.
public final class ScoreSession: @unchecked Sendable {
    let registry: VerifierRegistry
    let problems: ProblemSource?
    let jobs: Int

    public init(registry: VerifierRegistry, problems: ProblemSource? = nil, jobs: Int) {
        self.registry = registry
        self.problems = problems
        self.jobs = max(1, jobs)
    }

    /// Reads lines with `nextLine` until it returns nil, writes each result line with `write`
    /// (called in input order, from one thread at a time), and calls `progress` now and then.
    /// Each line is its own batch.
    public func run(
        nextLine: () -> String?, write: @escaping @Sendable (String) -> Void,
        progress: (@Sendable (ScoreStats) -> Void)? = nil
    ) -> ScoreStats {
        run(batches: { nextLine().map { [$0] } }, write: { for line in $0 { write(line) } }, progress: progress)
    }

    /// Reads batches of lines with `nextBatch` until it returns nil, writes each batch's result
    /// lines (as many as it had lines, in order) with one call of `write` (called in input
    /// order, from one thread at a time), and calls `progress` now and then.
    public func run(
        batches nextBatch: () -> [String]?, write: @escaping @Sendable ([String]) -> Void,
        progress: (@Sendable (ScoreStats) -> Void)? = nil
    ) -> ScoreStats {
        let state = PipelineState(window: jobs * 4, start: Date())
        if jobs == 1 {
            // Scored where they are read: no hand-over at all.
            var number = 0
            while let batch = nextBatch() {
                let results = score(batch, firstNumber: number + 1)
                number += batch.count
                state.deliver(results, write: write, progress: progress)
            }
            return state.finalStats()
        }
        for _ in 0..<jobs {
            let thread = Thread { [self] in
                while let (index, first, batch) = state.take() {
                    state.finish(index: index, results: self.score(batch, firstNumber: first), write: write, progress: progress)
                }
                state.workerDone()
            }
            thread.stackSize = 4 << 20
            thread.start()
        }
        var number = 0
        var index = 0
        while let batch = nextBatch() {
            state.put(index: index, firstNumber: number + 1, batch: batch)
            index += 1
            number += batch.count
        }
        state.close()
        state.waitForWorkers(jobs)
        return state.finalStats()
    }

    /// Scores a batch whose first line is line `firstNumber` of the input.
    func score(_ batch: [String], firstNumber: Int) -> [(String, LineOutcome)] {
        batch.enumerated().map { score(line: $0.element, number: firstNumber + $0.offset) }
    }

    /// What a line produced: a verdict and reward, or an error code.
    enum LineOutcome {
        case scored(verdict: String, reward: Double)
        case error(code: String)
    }

    /// Scores one request line; returns the result line and its outcome.
    func score(line: String, number: Int) -> (String, LineOutcome) {
        var id: JSONValue?
        func failure(_ code: String, _ message: String) -> (String, LineOutcome) {
            var object: [String: JSONValue] = [
                "line": .int(number), "reward": .double(0), "verdict": "error",
                "error": ["code": .string(code), "message": .string(message)],
            ]
            if let id { object["id"] = id }
            return (JSONValue.object(object).jsonText, .error(code: code))
        }
        let request: JSONValue
        do {
            request = try JSONValue.parse(line)
        } catch {
            return failure("bad_json", "line \(number) is not valid JSON: \(describeDecodingError(error))")
        }
        guard case .object(let fields) = request else {
            return failure("bad_request", "line \(number) is not a JSON object")
        }
        id = fields["id"]
        guard let completion = fields["completion"]?.string else {
            return failure("bad_request", "line \(number) has no string `completion`")
        }
        let problem: Problem
        if let value = fields["problem"] {
            do {
                guard case .object(let fields) = value else {
                    return failure("invalid_problem", "line \(number): `problem` is not a JSON object")
                }
                problem = try Problem(json: fields)
            } catch {
                return failure("invalid_problem", "line \(number): `problem` is not a valid Problem: \(describeDecodingError(error))")
            }
        } else if let problemID = fields["problem_id"]?.string {
            guard let problems else {
                return failure("unknown_problem", "line \(number) names problem '\(problemID)' but no --dataset was given")
            }
            guard let found = problems.problem(id: problemID) else {
                return failure("unknown_problem", "line \(number): no problem '\(problemID)' in the dataset")
            }
            problem = found
        } else {
            return failure("bad_request", "line \(number) has neither `problem` nor `problem_id`")
        }

        let started = DispatchTime.now().uptimeNanoseconds
        let verification: Verification
        do {
            verification = try registry.verify(completion, problem: problem)
        } catch let refusal as VerifyError {
            return failure(refusal.code, "line \(number) (problem \(problem.id)): \(refusal.message)")
        } catch {
            return failure("internal", "line \(number): \(error)")
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        var object: [String: JSONValue] = [
            "id": id ?? .string(problem.id), "domain": .string(problem.domain.rawValue),
            "reward": .double(verification.reward), "verdict": .string(verification.verdict),
            "details": .object(verification.details), "elapsed_ms": .double((elapsed * 1000).rounded() / 1000),
        ]
        if id == nil { object["problem_id"] = .string(problem.id) }
        return (JSONValue.object(object).jsonText, .scored(verdict: verification.verdict, reward: verification.reward))
    }
}

/// The shared state of a scoring pipeline: batches waiting, results waiting for their turn.
private final class PipelineState: @unchecked Sendable {
    typealias Results = [(String, ScoreSession.LineOutcome)]
    let condition = NSCondition()
    let window: Int
    let start: Date
    var queue: [(Int, Int, [String])] = []
    var queueHead = 0
    var closed = false
    var inFlight = 0
    var pending: [Int: Results] = [:]
    var nextToWrite = 0
    var finishedWorkers = 0
    var stats = ScoreStats()
    var lastProgress = Date.distantPast

    init(window: Int, start: Date) {
        self.window = window
        self.start = start
    }

    func put(index: Int, firstNumber: Int, batch: [String]) {
        condition.lock()
        while inFlight >= window { condition.wait() }
        queue.append((index, firstNumber, batch))
        inFlight += 1
        condition.broadcast()
        condition.unlock()
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    func take() -> (Int, Int, [String])? {
        condition.lock()
        defer { condition.unlock() }
        while queueHead == queue.count && !closed { condition.wait() }
        guard queueHead < queue.count else { return nil }
        let item = queue[queueHead]
        queueHead += 1
        if queueHead > 64 && queueHead * 2 > queue.count {
            queue.removeFirst(queueHead)
            queueHead = 0
        }
        return item
    }

    /// Files a worker's results and writes every batch whose turn has come.
    func finish(index: Int, results: Results, write: ([String]) -> Void, progress: ((ScoreStats) -> Void)?) {
        condition.lock()
        defer { condition.unlock() }
        pending[index] = results
        while let ready = pending.removeValue(forKey: nextToWrite) {
            count(ready)
            write(ready.map(\.0))
            nextToWrite += 1
            inFlight -= 1
        }
        report(progress)
        condition.broadcast()
    }

    /// Writes a batch scored on the reading thread (one job: nothing else runs).
    func deliver(_ results: Results, write: ([String]) -> Void, progress: ((ScoreStats) -> Void)?) {
        count(results)
        write(results.map(\.0))
        report(progress)
    }

    private func count(_ results: Results) {
        for (_, outcome) in results {
            stats.lines += 1
            switch outcome {
            case .scored(let verdict, let reward):
                stats.scored += 1
                stats.rewardSum += reward
                stats.verdicts[verdict, default: 0] += 1
            case .error(let code):
                stats.errors += 1
                stats.errorCodes[code, default: 0] += 1
            }
        }
    }

    private func report(_ progress: ((ScoreStats) -> Void)?) {
        guard let progress else { return }
        let now = Date()
        guard now.timeIntervalSince(lastProgress) > 0.5 else { return }
        lastProgress = now
        var snapshot = stats
        snapshot.seconds = now.timeIntervalSince(start)
        progress(snapshot)
    }

    func finalStats() -> ScoreStats {
        condition.lock()
        defer { condition.unlock() }
        var final = stats
        final.seconds = Date().timeIntervalSince(start)
        return final
    }

    func workerDone() {
        condition.lock()
        finishedWorkers += 1
        condition.broadcast()
        condition.unlock()
    }

    func waitForWorkers(_ count: Int) {
        condition.lock()
        while finishedWorkers < count { condition.wait() }
        condition.unlock()
    }
}
