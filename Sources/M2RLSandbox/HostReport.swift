import Foundation

/// Which isolation layers work on this host, found by running a trivial program under each.
public struct HostReport: Codable, Sendable {
    public struct LayerStatus: Codable, Sendable {
        public var layer: String
        public var available: Bool
        public var detail: String
    }

    public var user: String
    public var landlockABI: Int?
    public var layers: [LayerStatus]

    enum CodingKeys: String, CodingKey {
        case user
        case landlockABI = "landlock_abi"
        case layers
    }

    /// Runs `print(1)` under the python3 profile with each layer alone, then with all of them.
    public static func probe(catalog: ProfileCatalog, scratchRoot: String?) throws -> HostReport {
        let profile = try catalog.load("python3")
        let sandbox = try Sandbox(scratchRoot: scratchRoot)
        func attempt(_ isolation: Isolation) -> (Bool, String) {
            let outcome = sandbox.run(Job(profile: profile, source: .text("print(1)\n"), isolation: isolation))
            if outcome.status == .ok && outcome.stdout == "1\n" { return (true, "ok (\(outcome.wallMs) ms)") }
            return (false, outcome.error ?? "\(outcome.status.rawValue): \(outcome.stderr.prefix(200))")
        }
        var layers: [LayerStatus] = []
        let host = HostSupport.current
        for layer in Layer.allCases {
            var alone: Set<Layer> = [layer]
            // Without root, namespaces need the user namespace the credentials layer makes.
            if !host.isRoot && (layer == .namespaces || layer == .network) { alone.insert(.credentials) }
            let (ok, detail) = attempt(Isolation(layers: alone))
            layers.append(LayerStatus(layer: layer.rawValue, available: ok, detail: detail))
        }
        let (ok, detail) = attempt(.full)
        layers.append(LayerStatus(layer: "full", available: ok, detail: detail))
        return HostReport(
            user: host.isRoot ? "root (runs drop to per-run uids)" : "uid \(geteuid()) (runs use user namespaces)",
            landlockABI: host.landlockABI, layers: layers)
    }
}
