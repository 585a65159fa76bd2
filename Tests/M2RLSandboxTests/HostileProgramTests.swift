import Foundation
import Testing
import M2RLSandbox

/// Every program of testcases/sandbox/cases.yaml under full isolation: the expected status,
/// and after each run no survivor, no secret read, nothing written outside the scratch folder.
@Suite("Hostile programs", .serialized)
struct HostileProgramTests {
    @Test("the manifest holds at least 30 hostile programs in Python and C")
    func manifestIsBigEnough() {
        let hostile = Fixtures.cases.filter { !$0.name.hasPrefix("hello") }
        #expect(hostile.count >= 30)
        #expect(Set(Fixtures.cases.map(\.profile)).isSuperset(of: ["python3", "c", "cpp"]))
    }

    @Test("outcome under full isolation", arguments: Fixtures.cases.map(\.name))
    func fullIsolation(name: String) throws {
        let sample = try #require(Fixtures.cases.first { $0.name == name })
        let result = try Fixtures.runner.run(sample)
        let outcome = result.outcome
        #expect(outcome.status == sample.expect, "\(name): \(outcome.status) \(outcome.error ?? "") \(outcome.stderr.suffix(300))")
        if let violation = sample.violation {
            #expect((outcome.violation ?? "").contains(violation), "\(name): violation \(outcome.violation ?? "none")")
        } else {
            #expect(outcome.violation == nil)
        }
        if let stdout = sample.stdout { #expect(outcome.stdout == stdout) }
        if let part = sample.stdoutContains { #expect(outcome.stdout.contains(part), "\(name): \(outcome.stdout.prefix(200))") }
        #expect(!result.escaped, "\(name) got through: \(outcome.stdout.prefix(200))")
        #expect(!result.secretLeaked)
        #expect(!result.outsideWritten)
        #expect(result.survivors.isEmpty, "\(name) left processes behind: \(result.survivors)")
        #expect(outcome.error == nil)
    }
}

/// Each layer is the one that stops at least one program: turned off, that program gets through.
@Suite("Each layer stops a program", .serialized)
struct LayerProofTests {
    static let proofs = Fixtures.cases.filter { $0.proves != nil }
    /// Without root, the credentials and network layers come from the user namespace the other
    /// layers need too, so they cannot be turned off alone: those proofs run as root (as in CI).
    static let rootOnly: Set<Layer> = [.credentials, .network]

    @Test("every layer is proven by some case")
    func everyLayerIsProven() {
        let proven = Set(Self.proofs.compactMap(\.proves))
        #expect(proven == Set(Layer.allCases), "missing: \(Set(Layer.allCases).subtracting(proven))")
    }

    @Test("stopped with the layer, through without it",
          arguments: proofs.filter { !rootOnly.contains($0.proves!) }.map(\.name))
    func layerStopsIt(name: String) throws {
        try prove(name)
    }

    @Test("stopped with the layer, through without it (root)", .enabled(if: Fixtures.isRoot, "needs root, as in CI"),
          arguments: proofs.filter { rootOnly.contains($0.proves!) }.map(\.name))
    func rootLayerStopsIt(name: String) throws {
        try prove(name)
    }

    func prove(_ name: String) throws {
        let sample = try #require(Self.proofs.first { $0.name == name })
        let layer = try #require(sample.proves)
        var base = Isolation.full
        for other in sample.proofAlsoWithout { base = base.without(other) }

        let stopped = try Fixtures.runner.run(sample, isolation: base, judge: false)
        #expect(!stopped.escaped, "\(name) escaped with \(layer) on: \(stopped.outcome.stdout.prefix(200))")
        #expect(stopped.survivors.isEmpty)

        // Getting through: the attack reports success, or (a daemon) a process outlives the run.
        let through = try Fixtures.runner.run(sample, isolation: base.without(layer), judge: false)
        #expect(through.escaped || !through.survivors.isEmpty,
                "\(name) should get through without \(layer): \(through.outcome.status) \(through.outcome.stdout.prefix(200)) \(through.outcome.stderr.suffix(200))")
    }
}
