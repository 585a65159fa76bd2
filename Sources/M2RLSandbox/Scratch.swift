import Foundation

/// A run's private scratch folder: the only place the program may write. Made fresh per run
/// (mode 0700, owned by the run's identity), removed afterwards whatever the program left in it.
struct Scratch {
    let path: String

    /// Creates the folder that holds scratch folders (mode 0711: others may pass through to
    /// their own scratch folder, never list it) and checks it is a real folder of the caller's.
    static func prepareRoot(_ root: String) throws {
        if mkdir(root, 0o711) != 0 && errno != EEXIST {
            throw SandboxError.system(call: "mkdir \(root)", errno: Sys.errnoName(errno))
        }
        var info = stat()
        guard lstat(root, &info) == 0 else {
            throw SandboxError.system(call: "lstat \(root)", errno: Sys.errnoName(errno))
        }
        guard info.st_mode & S_IFMT == S_IFDIR, info.st_uid == geteuid() else {
            throw SandboxError.system(
                call: "scratch root \(root)",
                errno: "is not a folder owned by uid \(geteuid()) (a symlink or another user's?); pass another --scratch-root")
        }
        _ = chmod(root, 0o711)
    }

    /// mkdtemp(3) under `root`.
    static func make(in root: String) throws -> Scratch {
        var template = Array("\(root)/run-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else {
            throw SandboxError.system(call: "mkdtemp in \(root)", errno: Sys.errnoName(errno))
        }
        return Scratch(path: String(cString: template))
    }

    /// Writes the job's program into the folder and hands the folder to `owner`.
    func install(job: Job, owner: (UInt32, UInt32)?) throws {
        for (name, bytes) in job.files.sorted(by: { $0.key < $1.key }) {
            guard !name.isEmpty, !name.contains("/"), !name.hasPrefix("."), name != job.profile.sourceName else {
                throw SandboxError.system(call: "extra file '\(name)'", errno: "must be a plain file name, not the program's")
            }
            try write(bytes, to: path + "/" + name, mode: 0o644)
        }
        var target = path + "/" + job.profile.sourceName
        // A profile that runs the file itself (`{source}` first in its command) gets it executable.
        var executable = job.profile.run.command.first == "{source}"
        var sourceFile: String?
        switch job.source {
        case .file(let file): sourceFile = file
        case .compiled(let program):
            sourceFile = program.path
            target = path + "/" + (job.profile.binaryName ?? "main")
            executable = true
        case .text: break
        }
        let mode: mode_t = executable ? 0o755 : 0o644
        if let file = sourceFile, let owner, Scratch.canShare(file, executable: executable, with: owner.0),
           link(file, target) == 0 {
            // A root caller's read-only file is linked, not copied: the run's identity can read
            // (and execute) it but neither change nor chmod it, and unlinking removes only the link.
            if chown(path, owner.0, owner.1) != 0 {
                throw SandboxError.system(call: "chown \(path)", errno: Sys.errnoName(errno))
            }
            return
        }
        let fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw SandboxError.system(call: "open \(target)", errno: Sys.errnoName(errno)) }
        defer { Sys.close(fd) }
        switch job.source {
        case .text(let text):
            try writeAll(Array(text.utf8), fd: fd, target: target)
        case .file, .compiled:
            let file = sourceFile!
            // Copied in the kernel (copy_file_range), never through this process's memory.
            let source = open(file, O_RDONLY | O_CLOEXEC)
            guard source >= 0 else {
                throw SandboxError.programUnreadable(path: file, reason: Sys.errnoName(errno))
            }
            defer { Sys.close(source) }
            var info = stat()
            guard fstat(source, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
                throw SandboxError.programUnreadable(path: file, reason: "not a regular file")
            }
            var left = Int(info.st_size)
            while left > 0 {
                let n = Sys.copyFileRange(from: source, to: fd, count: left)
                guard n > 0 else { throw SandboxError.system(call: "copy \(file) to \(target)", errno: Sys.errnoName(errno)) }
                left -= n
            }
        }
        if let (uid, gid) = owner, chown(path, uid, gid) != 0 {
            throw SandboxError.system(call: "chown \(path)", errno: Sys.errnoName(errno))
        }
    }

    private func write(_ bytes: [UInt8], to file: String, mode: mode_t) throws {
        let fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw SandboxError.system(call: "open \(file)", errno: Sys.errnoName(errno)) }
        defer { Sys.close(fd) }
        try writeAll(bytes, fd: fd, target: file)
    }

    private func writeAll(_ bytes: [UInt8], fd: Int32, target: String) throws {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Sys.write(fd, UnsafeRawBufferPointer(rebasing: $0[done...])) }
            guard n > 0 else { throw SandboxError.system(call: "write \(target)", errno: Sys.errnoName(errno)) }
            done += n
        }
    }

    /// Whether `file` may be hard-linked into a scratch folder for a run as `uid`: a regular
    /// file of the caller's that others may read (and execute, if needed) but not write.
    static func canShare(_ file: String, executable: Bool, with uid: UInt32) -> Bool {
        var info = stat()
        guard lstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid(),
              info.st_uid != uid, info.st_nlink < 1000 else { return false }
        let needed: mode_t = executable ? 0o005 : 0o004
        return info.st_mode & needed == needed && info.st_mode & 0o002 == 0 && info.st_mode & 0o6000 == 0
    }

    /// Removes the folder and everything in it, never following a symlink the program made.
    func remove() {
        Scratch.removeTree(path)
    }

    /// Empties the folder (the zygote's between tests).
    func removeContents() {
        Scratch.empty(path)
    }

    private static func removeTree(_ path: String) {
        empty(path)
        _ = rmdir(path)
    }

    /// Empties `path` without following a symlink the program made, with bounded depth: a
    /// folder nested deeper than `maxDepth` is first moved up to `path` itself, so neither the
    /// stack nor the open descriptors grow with the program's nesting. Runs after every process
    /// of the run has gone, so nothing changes the tree meanwhile.
    private static func empty(_ path: String) {
        let root = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard root >= 0 else { return }
        defer { Sys.close(root) }
        var moved = 0
        // Each pass removes what it can and moves the folders below maxDepth up; a tree of depth
        // d needs about d / maxDepth passes (the file-system bounds d).
        while true {
            var lifted = false
            removeContents(root, root: root, depth: 0, moved: &moved, lifted: &lifted)
            if !lifted { return }
        }
    }

    static let maxDepth = 32

    private static func removeContents(_ dirfd: Int32, root: Int32, depth: Int, moved: inout Int, lifted: inout Bool) {
        let dup = fcntl(dirfd, F_DUPFD_CLOEXEC, 0)
        guard dup >= 0, let dir = fdopendir(dup) else {
            if dup >= 0 { Sys.close(dup) }
            return
        }
        rewinddir(dir)  // the duplicate shares its offset with `dirfd`, which an earlier pass read
        var names: [(String, Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            names.append((name, entry.pointee.d_type == UInt8(DT_DIR)))
        }
        closedir(dir)
        for (name, isDir) in names {
            guard isDir else {
                _ = unlinkat(dirfd, name, 0)
                continue
            }
            if depth >= maxDepth {
                moved += 1
                if renameat(dirfd, name, root, "m2rl-lifted-\(moved)") == 0 { lifted = true }
                continue
            }
            // A folder the program made unreadable (chmod 0) is opened after giving it back.
            _ = fchmodat(dirfd, name, 0o700, 0)
            let child = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if child >= 0 {
                removeContents(child, root: root, depth: depth + 1, moved: &moved, lifted: &lifted)
                Sys.close(child)
            }
            _ = unlinkat(dirfd, name, AT_REMOVEDIR)
        }
    }
}
