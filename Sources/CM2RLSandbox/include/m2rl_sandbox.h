// The C side of the m2rl sandbox.
//
// Why this shim exists: the child of a `clone(CLONE_VM | CLONE_VFORK)` shares the parent's
// memory and runs on a borrowed stack until it calls execve. Between clone and execve it must
// not allocate, take locks or touch the Swift runtime, so the child's whole setup is written
// here in C as one ordered list of raw system calls over a plan the parent filled in.
//
// The shim makes no policy decisions: which namespaces, limits, paths and syscalls apply is
// decided in Swift (M2RLSandbox) and passed in `m2rl_plan`.
#ifndef M2RL_SANDBOX_H
#define M2RL_SANDBOX_H

#include <stdint.h>
#include <sys/types.h>
#include <sys/resource.h>
#include <linux/filter.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Namespace flags and resource numbers Swift's Glibc module does not export (they need
/// _GNU_SOURCE); checked against the system headers in m2rl_sandbox.c.
#define M2RL_CLONE_NEWNS 0x00020000
#define M2RL_CLONE_NEWUTS 0x04000000
#define M2RL_CLONE_NEWIPC 0x08000000
#define M2RL_CLONE_NEWUSER 0x10000000
#define M2RL_CLONE_NEWPID 0x20000000
#define M2RL_CLONE_NEWNET 0x40000000
#define M2RL_CLONE_THREAD 0x00010000
#define M2RL_RLIMIT_NPROC 6
#define M2RL_RLIMIT_MEMLOCK 8
#define M2RL_AT_EMPTY_PATH 0x1000

/// The child's setup steps, in the order they run. A failing step stores its number and errno
/// in the plan and the child exits with status 127 without running the program.
enum m2rl_step {
    M2RL_STEP_NONE = 0,
    M2RL_STEP_SIGNALS = 1,       // reset dispositions, unblock signals
    M2RL_STEP_SESSION = 2,       // setsid, parent-death signal
    M2RL_STEP_USERNS_MAP = 3,    // write setgroups/uid_map/gid_map (user-namespace mode)
    M2RL_STEP_NETNS = 4,         // setns into the shared empty network namespace
    M2RL_STEP_MOUNTS = 5,        // make / private, mount a fresh /proc
    M2RL_STEP_HOSTNAME = 6,      // sethostname in the new UTS namespace
    M2RL_STEP_STDIO = 7,         // dup2 the pipes onto 0, 1, 2 (and 3, 4); close everything else
    M2RL_STEP_CHDIR = 8,         // chdir into the scratch folder
    M2RL_STEP_RLIMITS = 9,       // setrlimit for each limit; join the run's memory cgroup
    M2RL_STEP_CREDENTIALS = 10,  // setgroups/setresgid/setresuid to the sandbox ids (root mode)
    M2RL_STEP_NO_NEW_PRIVS = 11, // prctl(PR_SET_NO_NEW_PRIVS)
    M2RL_STEP_LANDLOCK = 12,     // create the ruleset, add path rules, restrict self
    M2RL_STEP_SECCOMP = 13,      // install the filter, with a user-notification listener
    M2RL_STEP_SEND_LISTENER = 14,// pass the listener to the parent over a socket
    M2RL_STEP_EXEC = 15,         // open the program (O_PATH), then execveat
};

/// How the child gets unprivileged credentials.
enum m2rl_user_mode {
    M2RL_USER_KEEP = 0,     // keep the caller's credentials (test-only isolation levels)
    M2RL_USER_SETUID = 1,   // root caller: drop to `uid`/`gid` after the namespace setup
    M2RL_USER_USERNS = 2,   // non-root caller: new user namespace mapping `uid`/`gid` to itself
};

/// One Landlock rule: a path and the access rights (LANDLOCK_ACCESS_FS_*) allowed beneath it.
struct m2rl_landlock_rule {
    const char *path;
    uint64_t access;
};

/// One resource limit: RLIMIT_* and its soft and hard values.
struct m2rl_rlimit {
    int resource;
    struct rlimit value;
};

/// Everything the child needs, prepared by the parent before clone. All pointers must stay
/// valid until m2rl_spawn returns. The child writes only `failed_step` and `failed_errno`.
struct m2rl_plan {
    const char *path;            // program to execve (absolute)
    char *const *argv;           // NULL-terminated
    char *const *envp;           // NULL-terminated
    const char *cwd;             // scratch folder, or NULL

    int stdin_fd, stdout_fd, stderr_fd; // child ends, each >= 3
    int extra_fd;                // >= 0: passed to the program as M2RL_EXTRA_FD; -1: none

    int clone_namespaces;        // CLONE_NEW* flags for the clone itself
    int netns_fd;                // >= 0: setns into it; -1: none
    int mount_proc;              // non-zero: private mounts and a fresh /proc
    const char *hostname;        // non-NULL: sethostname

    const char *cgroup_procs;    // non-NULL: write "0" here to join the run's cgroup

    int keep_on_parent_death;    // non-zero: no parent-death signal (a long-lived zygote that
                                 // watches its control socket instead of its creating thread)

    int user_mode;               // enum m2rl_user_mode
    uid_t uid;
    gid_t gid;

    const struct m2rl_rlimit *rlimits;
    int rlimit_count;

    int landlock_abi;            // 0: Landlock off; otherwise the ABI the rules were built for
    uint64_t landlock_handled_fs;
    uint64_t landlock_scoped;
    const struct m2rl_landlock_rule *landlock_rules;
    int landlock_rule_count;

    int no_new_privs;
    const struct sock_fprog *seccomp; // NULL: no filter
    int seccomp_listener_socket; // >= 0: the filter has a user-notification listener, sent here

    // Written by the child on failure.
    int failed_step;
    int failed_errno;
};

/// Starts a child under `plan` with clone(CLONE_VM | CLONE_VFORK | namespaces): the parent's
/// memory is never copied and the call returns once the child has called execve or failed.
///
/// Returns the child's pid (> 0) and stores a pidfd for it in `*pidfd_out`, or returns -1 with
/// errno set when clone itself failed. A child that failed during setup has already exited
/// with status 127 and `plan->failed_step` != 0; the caller still reaps it.
pid_t m2rl_spawn(struct m2rl_plan *plan, int *pidfd_out);

/// Creates an empty network namespace (only a loopback device, down) and returns a file
/// descriptor that keeps it alive, or -1 with errno. Runs unshare in a short-lived thread so the
/// caller's own namespace never changes.
int m2rl_netns_create(void);

/// The Landlock ABI version of the running kernel, or a negative errno when unsupported.
int m2rl_landlock_abi(void);

/// The file descriptor the child moves the listener socket to before installing seccomp, so a
/// filter compiled once can allow `sendmsg` on exactly this descriptor.
#define M2RL_LISTENER_SOCKET_FD 3

/// Where `m2rl_plan.extra_fd` lands in the program (inherited across exec): a long-lived
/// program's control socket (the Python zygote's).
#define M2RL_EXTRA_FD 4

/// The empty string the child passes to `execveat(fd, "", argv, envp, AT_EMPTY_PATH)`. Its
/// address is fixed for the life of the process, so a filter compiled once can allow execveat
/// with exactly this pathname pointer: the runtime's own exec passes, a later exec does not.
const char *m2rl_exec_empty_path(void);

/// Sends `len` bytes with `nfds` descriptors (SCM_RIGHTS, at most 8) on `sock`, as one
/// message; the byte count or -1 with errno.
long m2rl_send_with_fds(int sock, const void *data, unsigned long len, const int *fds, int nfds);

/// Receives one message of at most `len` bytes and up to `maxfds` descriptors (stored in
/// `fds`, count in `*nfds`, close-on-exec); the byte count (0 at end of stream) or -1 with errno.
long m2rl_recv_with_fds(int sock, void *data, unsigned long len, int *fds, int maxfds, int *nfds);

/// Receives one seccomp user notification from `listener`: stores its id, the notifying
/// thread's pid (in the listener's PID namespace) and the syscall number. 0, or -1 with errno.
int m2rl_seccomp_notif_recv(int listener, uint64_t *id_out, int *pid_out, int *syscall_out);

/// Lets the notified syscall `id` run as if unfiltered (SECCOMP_USER_NOTIF_FLAG_CONTINUE).
/// Only for calls of a trusted process (the zygote's own fork), never the program's.
int m2rl_seccomp_notif_continue(int listener, uint64_t id);

/// pipe2(fds, O_CLOEXEC); 0 or -1 with errno.
int m2rl_pipe_cloexec(int fds[2]);

/// memfd_create(name, MFD_CLOEXEC); a descriptor or -1 with errno.
int m2rl_memfd(const char *name);

/// copy_file_range(in, NULL, out, NULL, count, 0).
long m2rl_copy_file_range(int in, int out, long count);

/// pidfd_send_signal(2).
int m2rl_pidfd_send_signal(int pidfd, int sig);

#ifdef __cplusplus
}
#endif

#endif
