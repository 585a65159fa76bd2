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
    private var slots: [Int: SlotState] = [:]
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
        for slot in slots.keys { _ = rmdir(path(slot)) }
        _ = rmdir(base)
    }

    func path(_ slot: Int) -> String { "\(base)/slot-\(slot)" }

    /// Prepares slot `slot` for a run limited to `limitBytes` (nil: no limit): made if new,
    /// peak reset. Returns the `cgroup.procs` path the child writes itself into and the slot's
    /// OOM-kill count so far, or nil when the slot cannot be used (the run then goes without).
    func prepare(slot: Int, limitBytes: Int?) -> (procs: String, oomKills: Int)? {
        let dir = path(slot)
        lock.lock()
        var state = slots[slot]
        lock.unlock()
        if state == nil {
            guard mkdir(dir, 0o755) == 0 || errno == EEXIST else { return nil }
            state = SlotState(limit: nil, oomKills: oomKills(dir) ?? 0)
        }
        let limit = limitBytes ?? -1
        if state!.limit != limit {
            guard write(dir + "/memory.limit_in_bytes", String(limit)) else { return nil }
            state!.limit = limit
        }
        guard write(dir + "/memory.max_usage_in_bytes", "0") else { return nil }
        lock.lock()
        slots[slot] = state
        lock.unlock()
        return (dir + "/cgroup.procs", state!.oomKills)
    }

    /// The run's peak memory in bytes and whether the kernel OOM-killed in it.
    func read(slot: Int, oomKillsBefore: Int) -> (peakBytes: Int, oomKilled: Bool)? {
        let dir = path(slot)
        guard let peak = Int(readSmall(dir + "/memory.max_usage_in_bytes")) else { return nil }
        let kills = oomKills(dir) ?? oomKillsBefore
        lock.lock()
        slots[slot]?.oomKills = kills
        lock.unlock()
        return (peak, kills > oomKillsBefore)
    }

    private struct SlotState {
        var limit: Int?
        var oomKills: Int
    }

    /// The `oom_kill` counter of memory.oom_control.
    private func oomKills(_ dir: String) -> Int? {
        let text = readSmall(dir + "/memory.oom_control")
        guard let range = text.range(of: "oom_kill ") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    /// Reads a small control file (< 4 KiB) with one read(2), trailing newline dropped.
    private func readSmall(_ file: String) -> Substring {
        let fd = open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return "" }
        defer { Sys.close(fd) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { Sys.read(fd, $0) }
        guard n > 0 else { return "" }
        return Substring(String(decoding: buffer[0..<n], as: UTF8.self)).trimmingSuffixNewlines()
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

private extension Substring {
    func trimmingSuffixNewlines() -> Substring {
        var s = self
        while s.last == "\n" || s.last == " " { s.removeLast() }
        return s
    }
}
