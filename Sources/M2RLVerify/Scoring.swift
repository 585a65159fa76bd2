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
/// order, streaming, on `jobs` worker threads (with one job, on the calling thread), with at most
/// `window` lines in flight (memory stays bounded whatever the input's length). A line that
/// cannot be scored yields an error result line; nothing is dropped.
///
/// Lines travel in batches: the reader hands over every line it has at once, a worker takes a
/// run of lines sized to about a millisecond of work, and the results that are ready go to
/// `write` together. A run that takes longer than about 2 ms (a slow line) ends early: the
/// lines it has not started go back for any worker, and its results are written. So a result
/// waits at most about 2 ms plus its own line (or for the lines before it); nothing waits for a
/// batch to fill.
public final class ScoreSession: @unchecked Sendable {
    let registry: VerifierRegistry
    let problems: ProblemSource?
    let jobs: Int
    let window: Int

    /// - Parameters:
    ///   - jobs: worker threads, at least 1; with 1 the lines are scored on the thread that
    ///     calls `run`.
    ///   - window: lines read but not yet written, at most (default `64 × jobs`, at least 1);
    ///     the reader waits when it is reached.
    public init(registry: VerifierRegistry, problems: ProblemSource? = nil, jobs: Int, window: Int? = nil) {
        self.registry = registry
        self.problems = problems
        self.jobs = max(1, jobs)
        self.window = max(1, window ?? 64 * max(1, jobs))
    }

    /// Reads lines with `nextLine` until it returns nil, writes each result line with `write`
    /// (called in input order, from one thread at a time), and calls `progress` now and then.
    public func run(
        nextLine: () -> String?, write: @escaping @Sendable (String) -> Void,
        progress: (@Sendable (ScoreStats) -> Void)? = nil
    ) -> ScoreStats {
        run(nextLines: { nextLine().map { [$0] } }, write: { lines in lines.forEach(write) }, progress: progress)
    }

    /// Reads batches of lines with `nextLines` until it returns nil (an empty batch is allowed),
    /// writes result lines with `write` (consecutive results in input order, without newlines;
    /// called from one thread at a time), and calls `progress` now and then (at most every 0.5 s).
    /// `nextLines` should return the lines it has without waiting for more: results of a batch
    /// may not be written before the next call.
    public func run(
        nextLines: () -> [String]?, write: @escaping @Sendable ([String]) -> Void,
        progress: (@Sendable (ScoreStats) -> Void)? = nil
    ) -> ScoreStats {
        let start = Date()
        if jobs == 1 {
            var stats = runInline(nextLines: nextLines, write: write, progress: progress, start: start)
            stats.seconds = Date().timeIntervalSince(start)
            return stats
        }
        let state = PipelineState(window: window, jobs: jobs, reporter: ProgressReporter(progress: progress, start: start))
        for _ in 0..<jobs {
            let thread = Thread { [self] in
                var unit = UnitSizer()
                while let (first, lines) = state.take(atMost: unit.size) {
                    var results: [(String, LineOutcome)] = []
                    results.reserveCapacity(lines.count)
                    let started = DispatchTime.now().uptimeNanoseconds
                    var lineStart = started
                    for (offset, line) in lines.enumerated() {
                        results.append(self.score(line: line, number: first + offset))
                        let now = DispatchTime.now().uptimeNanoseconds
                        unit.record(lineNanos: now - lineStart)
                        lineStart = now
                        if now - started > UnitSizer.flushNanos, offset + 1 < lines.count {
                            // Slower than planned (a slow line, such as a code test): the lines
                            // not started go back for any worker to take, and what is done is
                            // written now.
                            state.giveBack(first: first + offset + 1, lines: Array(lines[(offset + 1)...]))
                            break
                        }
                    }
                    if lines.count > 1 { state.release() }
                    state.finish(first: first, results: results, write: write)
                }
                state.workerDone()
            }
            thread.stackSize = 4 << 20
            thread.start()
        }
        while let lines = nextLines() {
            state.put(lines)
        }
        state.close()
        state.waitForWorkers(jobs)
        var stats = state.stats
        stats.seconds = Date().timeIntervalSince(start)
        return stats
    }

    /// One job: scores each batch on this thread, writing the results when the batch is done
    /// or when about 2 ms have passed since the last write.
    private func runInline(
        nextLines: () -> [String]?, write: @Sendable ([String]) -> Void,
        progress: (@Sendable (ScoreStats) -> Void)?, start: Date
    ) -> ScoreStats {
        var stats = ScoreStats()
        var number = 0
        var texts: [String] = []
        var reporter = ProgressReporter(progress: progress, start: start)
        while let lines = nextLines() {
            var flushed = DispatchTime.now().uptimeNanoseconds
            for (offset, line) in lines.enumerated() {
                number += 1
                let (text, outcome) = score(line: line, number: number)
                texts.append(text)
                stats.count(outcome)
                let now = DispatchTime.now().uptimeNanoseconds
                if offset + 1 == lines.count || now - flushed > UnitSizer.flushNanos {
                    write(texts)
                    texts.removeAll(keepingCapacity: true)
                    flushed = now
                    reporter.report(stats)
                }
            }
        }
        return stats
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

/// How many lines a worker takes at once: about a millisecond of work, judged from the lines it
/// has scored (1 to start with, so slow lines such as code tests go one at a time; at most 32).
struct UnitSizer {
    /// Results wait at most this long (nanoseconds of one worker's time) for the rest of their run.
    static let flushNanos: UInt64 = 2_000_000
    static let targetNanos = 1_000_000.0
    static let maxLines = 32
    /// Moving average of nanoseconds per line; nil before the first line.
    var perLine: Double?

    mutating func record(lineNanos: UInt64) {
        let sample = Double(lineNanos)
        perLine = perLine.map { $0 * 0.875 + sample * 0.125 } ?? sample
    }

    var size: Int {
        guard let perLine else { return 1 }
        return max(1, min(Self.maxLines, Int(Self.targetNanos / max(perLine, 1))))
    }
}

/// Calls a progress callback with a snapshot of the counts at most every 0.5 s.
struct ProgressReporter {
    let progress: (@Sendable (ScoreStats) -> Void)?
    let start: Date
    private var last = Date.distantPast

    init(progress: (@Sendable (ScoreStats) -> Void)?, start: Date) {
        self.progress = progress
        self.start = start
    }

    mutating func report(_ stats: ScoreStats) {
        guard let progress else { return }
        let now = Date()
        guard now.timeIntervalSince(last) > 0.5 else { return }
        last = now
        var snapshot = stats
        snapshot.seconds = now.timeIntervalSince(start)
        progress(snapshot)
    }
}

extension ScoreStats {
    mutating func count(_ outcome: ScoreSession.LineOutcome) {
        lines += 1
        switch outcome {
        case .scored(let verdict, let reward):
            scored += 1
            rewardSum += reward
            verdicts[verdict, default: 0] += 1
        case .error(let code):
            errors += 1
            errorCodes[code, default: 0] += 1
        }
    }
}

/// The shared state of a scoring pipeline: lines waiting for a worker, results waiting for their
/// turn. One lock; the reader is woken only when the window has drained to half, workers only
/// when lines arrive, and results are written outside the lock by one worker at a time.
private final class PipelineState: @unchecked Sendable {
    let condition = NSCondition()
    let window: Int
    let jobs: Int
    /// Lines read and not yet taken; `queue[queueHead]` is line `nextToTake`.
    var queue: [String] = []
    var queueHead = 0
    var nextToTake = 1
    /// Runs a worker handed back unstarted, oldest first; they come before the queue.
    var returned: [(Int, [String])] = []
    /// Workers holding a run of several lines, which they may hand back in part: until none
    /// does, an idle worker waits instead of ending.
    var holding = 0
    var closed = false
    /// Lines put and not yet written.
    var inFlight = 0
    var readerWaiting = false
    var workersWaiting = 0
    /// Runs of results by their first line number, waiting for the lines before them.
    var pending: [Int: [(String, ScoreSession.LineOutcome)]] = [:]
    var nextToWrite = 1
    var writing = false
    var finishedWorkers = 0
    var stats = ScoreStats()
    var reporter: ProgressReporter

    init(window: Int, jobs: Int, reporter: ProgressReporter) {
        self.window = window
        self.jobs = jobs
        self.reporter = reporter
    }

    /// Queues `lines`, waiting (in pieces) while `window` lines are in flight.
    func put(_ lines: [String]) {
        var rest = lines[...]
        condition.lock()
        defer { condition.unlock() }
        while !rest.isEmpty {
            while inFlight >= window {
                readerWaiting = true
                condition.wait()
                readerWaiting = false
            }
            let piece = rest.prefix(window - inFlight)
            rest = rest.dropFirst(piece.count)
            if queueHead > 0 && queueHead * 2 >= queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            queue.append(contentsOf: piece)
            inFlight += piece.count
            if workersWaiting > 0 { condition.broadcast() }
        }
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// A handed-back line, else up to `atMost` queued lines (a fair share when few are queued),
    /// with the number of the first; nil when the input is closed and drained.
    func take(atMost: Int) -> (Int, [String])? {
        condition.lock()
        defer { condition.unlock() }
        while returned.isEmpty && queueHead == queue.count && !(closed && holding == 0) {
            workersWaiting += 1
            condition.wait()
            workersWaiting -= 1
        }
        if !returned.isEmpty {
            // Lines handed back follow a slow line: one at a time, so workers share them.
            let (first, lines) = returned[0]
            if lines.count == 1 {
                returned.removeFirst()
            } else {
                returned[0] = (first + 1, Array(lines[1...]))
            }
            return (first, [lines[0]])
        }
        let queued = queue.count - queueHead
        guard queued > 0 else { return nil }
        let count = max(1, min(atMost, (queued + jobs - 1) / jobs))
        var lines: [String] = []
        lines.reserveCapacity(count)
        for index in queueHead..<queueHead + count {
            lines.append(queue[index])
            queue[index] = ""
        }
        queueHead += count
        let first = nextToTake
        nextToTake += count
        if count > 1 { holding += 1 }
        return (first, lines)
    }

    /// A worker is done with a run of several lines (whatever it handed back is queued).
    func release() {
        condition.lock()
        defer { condition.unlock() }
        holding -= 1
        if holding == 0 && workersWaiting > 0 { condition.broadcast() }
    }

    /// Hands back lines `first...` that a worker took and did not start; they stay in flight.
    func giveBack(first: Int, lines: [String]) {
        condition.lock()
        defer { condition.unlock() }
        let at = returned.firstIndex { $0.0 > first } ?? returned.count
        returned.insert((first, lines), at: at)
        if workersWaiting > 0 { condition.broadcast() }
    }

    /// Records the results of lines `first...`, then, unless another worker is writing, writes
    /// every result whose turn has come (outside the lock) and updates the counts.
    func finish(first: Int, results: [(String, ScoreSession.LineOutcome)], write: ([String]) -> Void) {
        guard !results.isEmpty else { return }
        condition.lock()
        defer { condition.unlock() }
        pending[first] = results
        guard !writing else { return }
        writing = true
        while pending[nextToWrite] != nil {
            // Every run whose turn has come (more may arrive while the lock is let go).
            var texts: [String] = []
            while let run = pending.removeValue(forKey: nextToWrite) {
                texts.append(contentsOf: run.map(\.0))
                nextToWrite += run.count
                for (_, outcome) in run { stats.count(outcome) }
            }
            condition.unlock()
            write(texts)
            condition.lock()
            inFlight -= texts.count
            reporter.report(stats)
        }
        writing = false
        if readerWaiting && inFlight <= window / 2 { condition.broadcast() }
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
