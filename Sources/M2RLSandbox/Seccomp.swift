#if canImport(Glibc)
import Glibc
#endif
import CLibSeccomp
import CM2RLSandbox

/// Syscall names and numbers of the native architecture, through libseccomp.
enum SyscallTable {
    static func number(_ name: String) -> Int32? {
        let nr = seccomp_syscall_resolve_name(name)
        return nr == __NR_SCMP_ERROR ? nil : nr
    }

    static func isKnown(_ name: String) -> Bool { number(name) != nil }

    /// The name of syscall `nr` (seccomp_syscall_resolve_num_arch), or "syscall NR".
    static func name(_ nr: Int32) -> String {
        guard let raw = seccomp_syscall_resolve_num_arch(UInt32(SCMP_ARCH_NATIVE), nr) else {
            return "syscall \(nr)"
        }
        defer { free(raw) }
        return String(cString: raw)
    }
}

/// A seccomp BPF program compiled in the parent, ready to be installed by the child with
/// `seccomp(SECCOMP_SET_MODE_FILTER)` without allocating.
///
/// Compiled once per profile step (libseccomp 2.5 has no in-memory export, so the program is
/// exported into a memfd and read back). Besides the policy's own rules, the filter always
/// allows what the child itself needs after installing it: `sendmsg` on descriptor 3 (the
/// listener hand-over), `execveat` with the shim's fixed empty-path pointer and AT_EMPTY_PATH
/// (the runtime's exec), and `exit`/`exit_group`. The default action is a user notification:
/// the parent learns the syscall's name and kills the run.
final class CompiledFilter: @unchecked Sendable {
    private let instructions: UnsafeMutableBufferPointer<sock_filter>
    let program: UnsafeMutablePointer<sock_fprog>
    /// Whether unlisted syscalls notify the parent (default action kill).
    let notifies: Bool

    private static let actAllow: UInt32 = 0x7fff_0000
    private static let actNotify: UInt32 = 0x7fc0_0000
    private static let actKillProcess: UInt32 = 0x8000_0000
    private static func actErrno(_ code: Int32) -> UInt32 { 0x0005_0000 | (UInt32(code) & 0xffff) }

    /// Compiles `policy`. With `controlSocketFD`, `sendmsg`, `recvmsg` and `getsockopt` are also
    /// allowed on that one descriptor (the zygote's control socket), and getsockname, getpeername.
    /// - Throws: `SandboxError.seccomp` naming the libseccomp call and syscall that failed.
    init(policy: SyscallPolicy, profile: String, controlSocketFD: Int32? = nil) throws {
        let defaultAction: UInt32
        switch policy.defaultAction {
        case .kill: defaultAction = Self.actNotify
        case .errno(let code): defaultAction = Self.actErrno(code)
        }
        notifies = policy.defaultAction == .kill
        guard let ctx = seccomp_init(defaultAction) else {
            throw SandboxError.seccomp(profile: profile, call: "seccomp_init", detail: "failed")
        }
        defer { seccomp_release(ctx) }
        // Another architecture's syscall numbers (int 0x80, x32) kill the process outright.
        _ = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, Self.actKillProcess)
        // A binary tree over syscall numbers: O(log n) comparisons per syscall instead of a
        // linear scan of the allowlist (libseccomp ≥ 2.5).
        _ = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2)

        func add(_ action: UInt32, _ name: String, _ conditions: [scmp_arg_cmp] = []) throws {
            guard let nr = SyscallTable.number(name) else {
                throw SandboxError.seccomp(profile: profile, call: "resolve", detail: "unknown syscall \(name)")
            }
            let rc = conditions.withUnsafeBufferPointer {
                seccomp_rule_add_array(ctx, action, nr, UInt32($0.count), $0.baseAddress)
            }
            if rc < 0 {
                throw SandboxError.seccomp(
                    profile: profile, call: "seccomp_rule_add", detail: "\(name): \(Sys.errnoName(-rc))")
            }
        }
        func equals(_ arg: UInt32, _ value: UInt64) -> scmp_arg_cmp {
            scmp_arg_cmp(arg: arg, op: SCMP_CMP_EQ, datum_a: value, datum_b: 0)
        }

        let special: Set<String> = ["clone", "clone3", "fork", "vfork", "execve", "execveat", "sendmsg",
                                    "exit", "exit_group"]
        for name in Set(policy.allow).subtracting(special).sorted() { try add(Self.actAllow, name) }
        for (name, code) in policy.errno.sorted(by: { $0.key < $1.key }) where !special.contains(name) {
            try add(Self.actErrno(code), name)
        }
        try add(Self.actAllow, "exit")
        try add(Self.actAllow, "exit_group")
        try add(Self.actAllow, "sendmsg", [equals(0, UInt64(M2RL_LISTENER_SOCKET_FD))])
        if let control = controlSocketFD {
            try add(Self.actAllow, "sendmsg", [equals(0, UInt64(control))])
            for name in ["recvmsg", "getsockopt", "getsockname", "getpeername"] where !policy.allow.contains(name) {
                try add(Self.actAllow, name, [equals(0, UInt64(control))])
            }
        }
        if policy.processes {
            for name in ["clone", "fork", "vfork"] { try add(Self.actAllow, name) }
        } else {
            let thread = UInt64(M2RL_CLONE_THREAD)
            try add(Self.actAllow, "clone", [scmp_arg_cmp(arg: 0, op: SCMP_CMP_MASKED_EQ, datum_a: thread, datum_b: thread)])
        }
        // clone3 passes its flags in memory a filter cannot read: make glibc fall back to clone.
        try add(Self.actErrno(ENOSYS), "clone3")
        let emptyPath = UInt64(UInt(bitPattern: m2rl_exec_empty_path()))
        if policy.exec {
            try add(Self.actAllow, "execve")
            try add(Self.actAllow, "execveat")
        } else {
            try add(Self.actAllow, "execveat", [equals(1, emptyPath), equals(4, UInt64(M2RL_AT_EMPTY_PATH))])
        }
        (instructions, program) = try Self.export(ctx, profile: profile)
    }

    /// Exports a libseccomp context as a BPF program (through a memfd).
    private static func export(
        _ ctx: scmp_filter_ctx, profile: String
    ) throws -> (UnsafeMutableBufferPointer<sock_filter>, UnsafeMutablePointer<sock_fprog>) {
        // Export into a memfd and read the sock_filter array back.
        let fd = m2rl_memfd("m2rl-seccomp")
        guard fd >= 0 else { throw SandboxError.seccomp(profile: profile, call: "memfd_create", detail: Sys.errnoName(errno)) }
        defer { Sys.close(fd) }
        let rc = seccomp_export_bpf(ctx, fd)
        guard rc == 0 else { throw SandboxError.seccomp(profile: profile, call: "seccomp_export_bpf", detail: Sys.errnoName(Int32(-rc))) }
        let size = Int(lseek(fd, 0, SEEK_END))
        _ = lseek(fd, 0, SEEK_SET)
        let count = size / MemoryLayout<sock_filter>.stride
        guard size > 0, size % MemoryLayout<sock_filter>.stride == 0, count <= 0xffff else {
            throw SandboxError.seccomp(profile: profile, call: "seccomp_export_bpf", detail: "unexpected size \(size)")
        }
        let instructions = UnsafeMutableBufferPointer<sock_filter>.allocate(capacity: count)
        var done = 0
        let raw = UnsafeMutableRawBufferPointer(instructions)
        while done < size {
            let n = Sys.read(fd, UnsafeMutableRawBufferPointer(rebasing: raw[done...]))
            guard n > 0 else {
                instructions.deallocate()
                throw SandboxError.seccomp(profile: profile, call: "read", detail: "short read of the exported filter")
            }
            done += n
        }
        let program = UnsafeMutablePointer<sock_fprog>.allocate(capacity: 1)
        program.initialize(to: sock_fprog(len: UInt16(count), filter: instructions.baseAddress))
        return (instructions, program)
    }

    /// Number of BPF instructions.
    var count: Int { instructions.count }

    deinit {
        program.deallocate()
        instructions.deallocate()
    }
}
