import Foundation

/// Memory accounting through a cgroup v1 memory controller, where the caller is root and the
/// machine has one: an exact peak for the whole run (every process, after exec), a memory limit
/// backing RLIMIT_AS, and a kernel-reported out-of-memory kill.
///
/// Why: a vfork-style child inherits the parent's peak RSS into its ru_maxrss at exec (the
/// kernel records the old mm's high-water mark), so ru_maxrss alone cannot say how much a
/// small program used when the parent is large. Without a cgroup, the outcome's peak is
/// ru_maxrss when it exceeds the parent's own peak, and 0 (unmeasured) otherwise.
///
/// Layout: `<memory mount>/<this process's cgroup>/m2rl-<pid>/slot-<n>`, one folder per
/// concurrent run, reused (its peak counter is reset per run), removed in `deinit`.
final class MemoryCgroup: @unchecked Sendable {
    let base: String
    private var made: Set<Int> = []
    private let lock = NSLock()

    /// The accounting folder for this process, or nil where cgroup v1 memory is not usable.
    init?() {
        guard geteuid() == 0 else { return nil }
        let mount = "/sys/fs/cgroup/memory"
        guard FileManager.default.fileExists(atPath: mount + "/memory.max_usage_in_bytes") ||
                FileManager.default.fileExists(atPath: mount + "/cgroup.procs"),
              let own = try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8) else { return nil }
        var relative = ""
        for line in own.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            if parts.count == 3, parts[1].split(separator: ",").contains("memory") { relative = String(parts[2]) }
        }
        let dir = mount + (relative == "/" ? "" : relative) + "/m2rl-\(getpid())"
        guard mkdir(dir, 0o755) == 0 || errno == EEXIST,
              FileManager.default.fileExists(atPath: dir + "/memory.max_usage_in_bytes") else { return nil }
        base = dir
    }

    deinit {
        for slot in made { _ = rmdir(path(slot)) }
        _ = rmdir(base)
    }

    func path(_ slot: Int) -> String { "\(base)/slot-\(slot)" }

    /// Prepares slot `slot` for a run limited to `limitBytes` (nil: no limit): made if new,
    /// peak reset. Returns the `cgroup.procs` path the child writes itself into and the slot's
    /// OOM-kill count so far, or nil when the slot cannot be used (the run then goes without).
    func prepare(slot: Int, limitBytes: Int?) -> (procs: String, oomKills: Int)? {
        let dir = path(slot)
        lock.lock()
        let isNew = made.insert(slot).inserted
        lock.unlock()
        if isNew && mkdir(dir, 0o755) != 0 && errno != EEXIST { return nil }
        let limit = limitBytes.map(String.init) ?? "-1"
        guard write(dir + "/memory.limit_in_bytes", limit) || write(dir + "/memory.limit_in_bytes", "-1"),
              write(dir + "/memory.max_usage_in_bytes", "0"), let state = read(slot: slot) else { return nil }
        return (dir + "/cgroup.procs", state.oomKills)
    }

    /// The run's peak memory in bytes, and how many times the kernel OOM-killed in it so far.
    func read(slot: Int) -> (peakBytes: Int, oomKills: Int)? {
        let dir = path(slot)
        guard let peak = value(dir + "/memory.max_usage_in_bytes") else { return nil }
        var kills = 0
        if let control = try? String(contentsOfFile: dir + "/memory.oom_control", encoding: .utf8) {
            for line in control.split(separator: "\n") where line.hasPrefix("oom_kill ") {
                kills = Int(line.dropFirst(9)) ?? 0
            }
        }
        return (peak, kills)
    }

    private func value(_ file: String) -> Int? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private func write(_ file: String, _ text: String) -> Bool {
        let fd = open(file, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { Sys.close(fd) }
        return text.utf8CString.withUnsafeBytes { raw in
            Sys.write(fd, UnsafeRawBufferPointer(rebasing: raw.dropLast())) == raw.count - 1
        }
    }
}
