import Foundation
import M2RLSandbox

/// Paths and shared objects for the sandbox tests.
enum Fixtures {
    /// The repository's root, found from this file's path.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let testcases = root + "/testcases"
    static let catalog = ProfileCatalog(searchPaths: [root + "/sandbox-profiles"])

    /// One sandbox for the whole test process, as a trainer would hold one.
    static let sandbox: Sandbox = try! Sandbox()

    /// The attack targets (secret, outside folder, servers), made once.
    static let environment: SampleEnvironment = try! SampleEnvironment()

    static let runner = SampleRunner(sandbox: sandbox, environment: environment, catalog: catalog)

    static let cases: [SampleCase] = try! SampleCase.load(path: testcases + "/sandbox/cases.yaml")

    static func profile(_ name: String) -> Profile { try! catalog.load(name) }

    static var isRoot: Bool { geteuid() == 0 }
}
