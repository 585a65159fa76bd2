import Foundation

/// Finds profiles by name: `NAME.yaml` in the first folder of `searchPaths` that has it.
public struct ProfileCatalog: Sendable {
    public var searchPaths: [String]

    public init(searchPaths: [String]) {
        self.searchPaths = searchPaths
    }

    /// The default search order: `explicit` (a flag), `$M2RL_PROFILES`, `./sandbox-profiles`,
    /// then `sandbox-profiles/` in each folder above the executable (a checkout's build folder).
    public static func standard(explicit: String? = nil) -> ProfileCatalog {
        var paths: [String] = []
        if let explicit { paths.append(explicit) }
        if let env = ProcessInfo.processInfo.environment["M2RL_PROFILES"], !env.isEmpty { paths.append(env) }
        paths.append(FileManager.default.currentDirectoryPath + "/sandbox-profiles")
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? "/").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<6 {
            paths.append(dir.appendingPathComponent("sandbox-profiles").path)
            dir.deleteLastPathComponent()
        }
        var seen = Set<String>()
        return ProfileCatalog(searchPaths: paths.filter { seen.insert($0).inserted })
    }

    /// Names of the profiles in the first folder that exists.
    public func available() -> [String] {
        for dir in searchPaths {
            if let files = try? FileManager.default.contentsOfDirectory(atPath: dir) {
                let names = files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
                if !names.isEmpty { return names }
            }
        }
        return []
    }

    /// The path of profile `name`, if some folder has it.
    public func path(of name: String) -> String? {
        searchPaths.map { "\($0)/\(name).yaml" }.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Loads and validates profile `name`.
    /// - Throws: `SandboxError.unknownProfile` (listing the folders searched and the profiles
    ///   available) or `ProfileError`.
    public func load(_ name: String) throws -> Profile {
        guard !name.contains("/"), let path = path(of: name) else {
            let existing = searchPaths.filter { FileManager.default.fileExists(atPath: $0) }
            throw SandboxError.unknownProfile(name, searched: existing.isEmpty ? searchPaths : existing, available: available())
        }
        return try Profile.load(path: path)
    }
}
