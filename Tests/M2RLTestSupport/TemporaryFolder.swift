import Foundation

/// Scratch folders for tests, all under one folder per test process
/// (`$TMPDIR/m2rl-tests-PID`), which is removed when the process exits, so repeated runs do
/// not fill the temporary directory. A test that crashes the process leaves its folder behind.
public enum TemporaryFolder {
    /// The folder of this process's scratch folders, created on first use (mode 0755, so that
    /// an unprivileged user can reach what a root test puts there for it).
    public static let root: String = {
        let path = NSTemporaryDirectory() + "m2rl-tests-\(getpid())"
        try? FileManager.default.removeItem(atPath: path)
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        atexit { try? FileManager.default.removeItem(atPath: TemporaryFolder.root) }
        return path
    }()

    /// A new, empty folder under `root`; `label` is the start of its name (for a reader of a
    /// failed run's leftovers).
    public static func make(_ label: String) throws -> String {
        let path = root + "/\(label)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        return path
    }
}
