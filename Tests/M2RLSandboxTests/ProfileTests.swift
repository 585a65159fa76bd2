import Foundation
import Testing
@testable import M2RLSandbox

@Suite("Profiles")
struct ProfileTests {
    @Test("every shipped profile loads and its policy compiles", arguments: ["python3", "c", "cpp"])
    func shippedProfileLoads(name: String) throws {
        let profile = try Fixtures.catalog.load(name)
        #expect(profile.name == name)
        #expect(profile.run.syscalls.defaultAction == .kill)
        #expect(!profile.run.syscalls.processes, "runs must not start processes")
        #expect(!profile.run.syscalls.exec, "runs exec only the runtime")
        #expect(profile.zygote == (name == "python3"), "only CPython is served by a zygote")
        let filter = try CompiledFilter(policy: profile.run.syscalls, profile: name)
        #expect(filter.count > 20)
        #expect(filter.notifies)
        if let compile = profile.compile {
            #expect(compile.syscalls.processes && compile.syscalls.exec, "the compiler driver starts cc1, as, ld")
            _ = try CompiledFilter(policy: compile.syscalls, profile: name)
        }
    }

    static let invalid: [String] = {
        let dir = Fixtures.testcases + "/profiles/invalid"
        return (try? FileManager.default.contentsOfDirectory(atPath: dir))?.filter { $0.hasSuffix(".yaml") }.sorted() ?? []
    }()

    @Test("an invalid profile is refused with the file, the key and the problem", arguments: invalid)
    func invalidProfileIsRefused(file: String) throws {
        let path = Fixtures.testcases + "/profiles/invalid/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let expected = try #require(text.split(separator: "\n").first?.split(separator: ":", maxSplits: 1).last)
            .trimmingCharacters(in: .whitespaces)
        let error = try #require(throws: ProfileError.self) { try Profile.load(path: path) }
        #expect(error.description.contains(path), "the message names the file")
        #expect(error.description.contains(expected), "\(error.description) should contain \(expected)")
    }

    @Test("all problems of a profile are reported at once")
    func everyProblemAtOnce() throws {
        let yaml = """
            name: two-problems
            source_name: main.py
            colour: blue
            run:
              command: ["/usr/bin/python3"]
              filesystem: {read: [relative/path], execute: [/usr/bin/python3]}
              syscalls: {allow: [read, not_a_call]}
            """
        let error = try #require(throws: ProfileError.self) { try Profile.parse(yaml: yaml, origin: "mem.yaml") }
        #expect(error.problems.count == 3, "\(error.description)")
        let keys = error.problems.compactMap(\.0.key)
        #expect(keys.contains("colour"))
        #expect(keys.contains("run.filesystem.read[0]"))
        #expect(keys.contains("run.syscalls.allow[1]"))
    }

    @Test("an unknown profile name lists the available ones")
    func unknownProfile() throws {
        let error = try #require(throws: SandboxError.self) { try Fixtures.catalog.load("cobol") }
        #expect(error.description.contains("no sandbox profile named 'cobol'"))
        #expect(error.description.contains("python3"))
    }
}

@Suite("Isolation levels and limits")
struct IsolationTests {
    @Test func parsesLevels() throws {
        #expect(Isolation(parsing: "full") == .full)
        #expect(Isolation(parsing: "no-landlock") == Isolation.full.without(.landlock))
        #expect(Isolation(parsing: "no-landlock,no-seccomp") == Isolation.full.without(.landlock).without(.seccomp))
        #expect(Isolation(parsing: "rlimits,seccomp")?.layers == [.rlimits, .seccomp])
        #expect(Isolation(parsing: "no-landlock,seccomp") == nil, "drops and names do not mix")
        #expect(Isolation(parsing: "no-magic") == nil)
        #expect(Isolation(parsing: "") == nil)
        #expect(Isolation.full.without(.network).description == "no-network")
    }

    @Test func overridesTakePrecedenceAndWallFollowsCPU() {
        let base = Limits.defaults
        let raised = base.overriding(LimitOverrides(cpu: .seconds(30)))
        #expect(raised.cpu == .seconds(30))
        #expect(raised.wall == .seconds(61), "wall becomes 2 × CPU + 1 s when not given")
        let both = base.overriding(LimitOverrides(cpu: .seconds(30), wall: .seconds(35), memoryBytes: 1 << 28))
        #expect(both.wall == .seconds(35))
        #expect(both.memoryBytes == 1 << 28)
        #expect(base.overriding(LimitOverrides()) == base)
    }
}
