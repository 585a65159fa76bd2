import Foundation

/// Scratch folders for tests, removed when the test process exits, so repeated runs do not
/// fill the temporary directory. Each is made by mkdtemp(3), so processes that share /tmp
/// (containers with their own process numbers included) never use or remove each other's.
/// A test that crashes the process leaves its folders behind.
public enum TemporaryFolder {
    private final class Made: @unchecked Sendable {
        let lock = NSLock()
        var paths: [String] = []
    }
    private static let made: Made = {
        atexit {
            TemporaryFolder.made.lock.lock()
            for path in TemporaryFolder.made.paths { try? FileManager.default.removeItem(atPath: path) }
            TemporaryFolder.made.lock.unlock()
        }
        return Made()
    }()

    /// The folder for this process's scratch folders under `$TMPDIR`, made on first use.
    public static let root: String = try! make(in: NSTemporaryDirectory(), "m2rl-tests-\(getpid())")

    /// A new, empty folder (mode 0755, so that an unprivileged user can reach what a root test
    /// puts there for it), named `label` and a random suffix, inside `parent` (default `root`).
    /// - Throws: when mkdtemp fails (the parent is missing or not writable).
    public static func make(in parent: String? = nil, _ label: String) throws -> String {
        let base = parent ?? root
        var template = Array(((base.hasSuffix("/") ? base : base + "/") + label + "-XXXXXX").utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: base, NSLocalizedDescriptionKey: "mkdtemp in \(base): \(String(cString: strerror(errno)))"])
        }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        chmod(path, 0o755)
        if parent != nil {
            made.lock.lock()
            made.paths.append(path)
            made.lock.unlock()
        }
        return path
    }
}
