// The child-side setup of the m2rl sandbox; see m2rl_sandbox.h for why it is written in C.
//
// Rules for everything reachable from child_main: no allocation, no locks, no stdio, and raw
// syscalls for credential changes (glibc's setresuid/setgroups broadcast to every thread of
// the process, and the vfork child shares the parent's thread list).
#define _GNU_SOURCE
#include "m2rl_sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/seccomp.h>

_Static_assert(sizeof(struct rlimit) == 16, "struct rlimit is two 64-bit words");
_Static_assert(sizeof(uint64_t) == 8, "Landlock access masks are 64-bit");
_Static_assert(M2RL_CLONE_NEWNS == CLONE_NEWNS && M2RL_CLONE_NEWUTS == CLONE_NEWUTS &&
               M2RL_CLONE_NEWIPC == CLONE_NEWIPC && M2RL_CLONE_NEWUSER == CLONE_NEWUSER &&
               M2RL_CLONE_NEWPID == CLONE_NEWPID && M2RL_CLONE_NEWNET == CLONE_NEWNET &&
               M2RL_CLONE_THREAD == CLONE_THREAD, "clone flags match <sched.h>");
_Static_assert(M2RL_RLIMIT_NPROC == RLIMIT_NPROC && M2RL_RLIMIT_MEMLOCK == RLIMIT_MEMLOCK,
               "resource numbers match <sys/resource.h>");
_Static_assert(M2RL_AT_EMPTY_PATH == AT_EMPTY_PATH, "AT_EMPTY_PATH matches <fcntl.h>");

#ifndef CLONE_PIDFD
#define CLONE_PIDFD 0x00001000
#endif
#ifndef SYS_close_range
#define SYS_close_range 436
#endif
#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal 424
#endif
#ifndef SYS_landlock_create_ruleset
#define SYS_landlock_create_ruleset 444
#define SYS_landlock_add_rule 445
#define SYS_landlock_restrict_self 446
#endif
#ifndef SECCOMP_FILTER_FLAG_NEW_LISTENER
#define SECCOMP_FILTER_FLAG_NEW_LISTENER (1UL << 3)
#endif

// Landlock's UAPI, declared here because the build machine's kernel headers may predate the
// fields we use (scoped: ABI 6). The kernel accepts the size we pass for the ABI we found.
struct m2rl_ll_ruleset_attr {
    uint64_t handled_access_fs;
    uint64_t handled_access_net;
    uint64_t scoped;
};
struct m2rl_ll_path_beneath_attr {
    uint64_t allowed_access;
    int32_t parent_fd;
} __attribute__((packed));
#define M2RL_LANDLOCK_RULE_PATH_BENEATH 1
#define M2RL_LANDLOCK_CREATE_RULESET_VERSION (1U << 0)

#define CHILD_FAIL(plan, step)                                                                \
    do {                                                                                      \
        (plan)->failed_errno = errno;                                                         \
        (plan)->failed_step = (step);                                                         \
        _exit(127);                                                                           \
    } while (0)

static const char m2rl_empty_path[1] = "";

const char *m2rl_exec_empty_path(void) { return m2rl_empty_path; }

/// Formats `value` as decimal into `out` (at least 12 bytes); returns the length.
static size_t format_uint(char *out, unsigned long value) {
    char tmp[24];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + value % 10);
        value /= 10;
    } while (value != 0);
    for (size_t i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
    return n;
}

/// Writes `len` bytes to the file at `path`; 0 or -1 with errno.
static int write_file(const char *path, const char *data, size_t len) {
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t n = write(fd, data, len);
    int saved = errno;
    close(fd);
    errno = saved;
    return n == (ssize_t)len ? 0 : -1;
}

/// Writes "ID ID 1\n" to a uid_map or gid_map file: the id maps to itself.
static int write_id_map(const char *path, unsigned long id) {
    char line[64];
    size_t n = format_uint(line, id);
    line[n++] = ' ';
    n += format_uint(line + n, id);
    line[n++] = ' ';
    line[n++] = '1';
    line[n++] = '\n';
    return write_file(path, line, n);
}

static int apply_landlock(const struct m2rl_plan *p) {
    struct m2rl_ll_ruleset_attr attr = {
        .handled_access_fs = p->landlock_handled_fs,
        .handled_access_net = 0,
        .scoped = p->landlock_scoped,
    };
    size_t size = p->landlock_abi >= 6 ? sizeof(attr) : sizeof(uint64_t);
    int ruleset = (int)syscall(SYS_landlock_create_ruleset, &attr, size, 0);
    if (ruleset < 0) return -1;
    for (int i = 0; i < p->landlock_rule_count; i++) {
        int fd = open(p->landlock_rules[i].path, O_PATH | O_CLOEXEC);
        if (fd < 0) {
            int saved = errno;
            close(ruleset);
            errno = saved;
            return -1;
        }
        struct m2rl_ll_path_beneath_attr rule = {
            .allowed_access = p->landlock_rules[i].access,
            .parent_fd = fd,
        };
        long rc = syscall(SYS_landlock_add_rule, ruleset, M2RL_LANDLOCK_RULE_PATH_BENEATH, &rule, 0);
        int saved = errno;
        close(fd);
        if (rc < 0) {
            close(ruleset);
            errno = saved;
            return -1;
        }
    }
    long rc = syscall(SYS_landlock_restrict_self, ruleset, 0);
    int saved = errno;
    close(ruleset);
    errno = saved;
    return rc < 0 ? -1 : 0;
}

/// The child: one ordered list of steps, then execve. Never returns on success.
static int child_main(void *arg) {
    struct m2rl_plan *p = arg;

    // Signals: every disposition back to default (the parent's handlers are not ours, and an
    // ignored SIGPIPE would survive execve). The mask stays full until just before seccomp.
    struct sigaction dfl;
    memset(&dfl, 0, sizeof(dfl));
    dfl.sa_handler = SIG_DFL;
    for (int sig = 1; sig < _NSIG; sig++) {
        if (sig == SIGKILL || sig == SIGSTOP) continue;
        (void)sigaction(sig, &dfl, NULL); // glibc-reserved signals fail with EINVAL: fine
    }

    if (setsid() < 0) CHILD_FAIL(p, M2RL_STEP_SESSION);
    if (!p->keep_on_parent_death && prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0) CHILD_FAIL(p, M2RL_STEP_SESSION);

    if (p->user_mode == M2RL_USER_USERNS) {
        if (write_file("/proc/self/setgroups", "deny", 4) < 0) CHILD_FAIL(p, M2RL_STEP_USERNS_MAP);
        if (write_id_map("/proc/self/uid_map", p->uid) < 0) CHILD_FAIL(p, M2RL_STEP_USERNS_MAP);
        if (write_id_map("/proc/self/gid_map", p->gid) < 0) CHILD_FAIL(p, M2RL_STEP_USERNS_MAP);
    }

    if (p->netns_fd >= 0 && setns(p->netns_fd, CLONE_NEWNET) < 0) CHILD_FAIL(p, M2RL_STEP_NETNS);

    if (p->mount_proc) {
        if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) CHILD_FAIL(p, M2RL_STEP_MOUNTS);
        if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) < 0)
            CHILD_FAIL(p, M2RL_STEP_MOUNTS);
    }

    if (p->hostname && sethostname(p->hostname, strlen(p->hostname)) < 0)
        CHILD_FAIL(p, M2RL_STEP_HOSTNAME);

    if (dup2(p->stdin_fd, 0) < 0 || dup2(p->stdout_fd, 1) < 0 || dup2(p->stderr_fd, 2) < 0)
        CHILD_FAIL(p, M2RL_STEP_STDIO);
    // The sources are all >= 10 (the parent sees to it), so these never clobber one another.
    if (p->extra_fd >= 0 && dup2(p->extra_fd, M2RL_EXTRA_FD) < 0) CHILD_FAIL(p, M2RL_STEP_STDIO);
    if (p->seccomp_listener_socket >= 0 &&
        dup3(p->seccomp_listener_socket, M2RL_LISTENER_SOCKET_FD, O_CLOEXEC) < 0)
        CHILD_FAIL(p, M2RL_STEP_STDIO);
    // Close whatever else the parent had open (files, sockets, other runs' pipes). The table is
    // the child's own copy; closing now (not at exec) also keeps the descriptors the later
    // steps open below RLIMIT_NOFILE, however many the parent holds.
    if (p->seccomp_listener_socket < 0) close(M2RL_LISTENER_SOCKET_FD);
    if (p->extra_fd < 0) close(M2RL_EXTRA_FD);
    if (syscall(SYS_close_range, 5U, ~0U, 0U) < 0) CHILD_FAIL(p, M2RL_STEP_STDIO);

    if (p->cwd && chdir(p->cwd) < 0) CHILD_FAIL(p, M2RL_STEP_CHDIR);

    for (int i = 0; i < p->rlimit_count; i++) {
        if (setrlimit(p->rlimits[i].resource, &p->rlimits[i].value) < 0)
            CHILD_FAIL(p, M2RL_STEP_RLIMITS);
    }
    if (p->cgroup_procs && write_file(p->cgroup_procs, "0", 1) < 0) CHILD_FAIL(p, M2RL_STEP_RLIMITS);

    if (p->user_mode == M2RL_USER_SETUID) {
        if (syscall(SYS_setgroups, 0, NULL) < 0) CHILD_FAIL(p, M2RL_STEP_CREDENTIALS);
        if (syscall(SYS_setresgid, p->gid, p->gid, p->gid) < 0) CHILD_FAIL(p, M2RL_STEP_CREDENTIALS);
        if (syscall(SYS_setresuid, p->uid, p->uid, p->uid) < 0) CHILD_FAIL(p, M2RL_STEP_CREDENTIALS);
        // A change of effective ids clears the parent-death signal: set it again.
        if (!p->keep_on_parent_death && prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0)
            CHILD_FAIL(p, M2RL_STEP_CREDENTIALS);
    }

    if (p->no_new_privs && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
        CHILD_FAIL(p, M2RL_STEP_NO_NEW_PRIVS);

    if (p->landlock_abi > 0 && apply_landlock(p) < 0) CHILD_FAIL(p, M2RL_STEP_LANDLOCK);

    int exec_fd = open(p->path, O_PATH | O_CLOEXEC);
    if (exec_fd < 0) CHILD_FAIL(p, M2RL_STEP_EXEC);

    sigset_t empty;
    sigemptyset(&empty);
    if (sigprocmask(SIG_SETMASK, &empty, NULL) < 0) CHILD_FAIL(p, M2RL_STEP_SIGNALS);

    if (p->seccomp) {
        // From here on every syscall passes the filter: the policy allows sendmsg on the
        // listener socket, execveat with m2rl_empty_path, and exit_group.
        unsigned long flags = p->seccomp_listener_socket >= 0 ? SECCOMP_FILTER_FLAG_NEW_LISTENER : 0;
        long listener = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags, p->seccomp);
        if (listener < 0) CHILD_FAIL(p, M2RL_STEP_SECCOMP);
        int fd = (int)listener;
        if (p->seccomp_listener_socket >= 0 && m2rl_send_with_fds(M2RL_LISTENER_SOCKET_FD, "L", 1, &fd, 1) != 1)
            CHILD_FAIL(p, M2RL_STEP_SEND_LISTENER);
    }

    syscall(SYS_execveat, exec_fd, m2rl_empty_path, p->argv, p->envp, AT_EMPTY_PATH);
    CHILD_FAIL(p, M2RL_STEP_EXEC);
    return 127;
}

pid_t m2rl_spawn(struct m2rl_plan *plan, int *pidfd_out) {
    // The child runs on this buffer while this thread is suspended (CLONE_VFORK).
    static const size_t stack_size = 64 * 1024;
    char stack[64 * 1024] __attribute__((aligned(64)));

    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    // The child's credential change marks the shared mm non-dumpable (the kernel applies
    // suid_dumpable on an euid change); the mm is ours again once the child has exec'd.
    int dumpable = prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);

    plan->failed_step = M2RL_STEP_NONE;
    plan->failed_errno = 0;
    int pidfd = -1;
    int flags = CLONE_VM | CLONE_VFORK | CLONE_PIDFD | SIGCHLD | plan->clone_namespaces;
    pid_t pid = clone(child_main, stack + stack_size, flags, plan, &pidfd);
    int saved = errno;

    if (dumpable >= 0) prctl(PR_SET_DUMPABLE, dumpable, 0, 0, 0);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (pid < 0) {
        errno = saved;
        return -1;
    }
    *pidfd_out = pidfd;
    return pid;
}

struct netns_result {
    int fd;
    int err;
};

static void *netns_thread(void *arg) {
    struct netns_result *r = arg;
    if (unshare(CLONE_NEWNET) < 0) {
        r->err = errno;
        return NULL;
    }
    r->fd = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    if (r->fd < 0) r->err = errno;
    return NULL;
}

int m2rl_netns_create(void) {
    struct netns_result r = {.fd = -1, .err = 0};
    pthread_t thread;
    int rc = pthread_create(&thread, NULL, netns_thread, &r);
    if (rc != 0) {
        errno = rc;
        return -1;
    }
    pthread_join(thread, NULL);
    if (r.fd < 0) errno = r.err;
    return r.fd;
}

int m2rl_landlock_abi(void) {
    long abi = syscall(SYS_landlock_create_ruleset, NULL, 0, M2RL_LANDLOCK_CREATE_RULESET_VERSION);
    return abi < 0 ? -errno : (int)abi;
}

int m2rl_seccomp_notif_recv(int listener, uint64_t *id_out, int *pid_out, int *syscall_out) {
    struct seccomp_notif notif;
    memset(&notif, 0, sizeof(notif));
    int rc;
    do {
        rc = ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, &notif);
    } while (rc < 0 && errno == EINTR);
    if (rc < 0) return -1;
    *id_out = notif.id;
    *pid_out = (int)notif.pid;
    *syscall_out = notif.data.nr;
    return 0;
}

#ifndef SECCOMP_USER_NOTIF_FLAG_CONTINUE
#define SECCOMP_USER_NOTIF_FLAG_CONTINUE (1UL << 0)
#endif

int m2rl_seccomp_notif_continue(int listener, uint64_t id) {
    struct seccomp_notif_resp resp;
    memset(&resp, 0, sizeof(resp));
    resp.id = id;
    resp.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
    int rc;
    do {
        rc = ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, &resp);
    } while (rc < 0 && errno == EINTR);
    return rc;
}

int m2rl_pidfd_send_signal(int pidfd, int sig) {
    return (int)syscall(SYS_pidfd_send_signal, pidfd, sig, NULL, 0);
}

int m2rl_pipe_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

int m2rl_memfd(const char *name) { return (int)syscall(SYS_memfd_create, name, 1U /* MFD_CLOEXEC */); }

long m2rl_copy_file_range(int in, int out, long count) {
    return (long)copy_file_range(in, NULL, out, NULL, (size_t)count, 0);
}

long m2rl_send_with_fds(int sock, const void *data, unsigned long len, const int *fds, int nfds) {
    if (nfds < 0 || nfds > 8) {
        errno = EINVAL;
        return -1;
    }
    struct iovec iov = {.iov_base = (void *)data, .iov_len = len};
    union {
        char buf[CMSG_SPACE(8 * sizeof(int))];
        struct cmsghdr align;
    } control;
    memset(&control, 0, sizeof(control));
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    if (nfds > 0) {
        msg.msg_control = control.buf;
        msg.msg_controllen = CMSG_SPACE((size_t)nfds * sizeof(int));
        struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);
        cmsg->cmsg_level = SOL_SOCKET;
        cmsg->cmsg_type = SCM_RIGHTS;
        cmsg->cmsg_len = CMSG_LEN((size_t)nfds * sizeof(int));
        memcpy(CMSG_DATA(cmsg), fds, (size_t)nfds * sizeof(int));
    }
    ssize_t n;
    do {
        n = sendmsg(sock, &msg, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    return (long)n;
}

long m2rl_recv_with_fds(int sock, void *data, unsigned long len, int *fds, int maxfds, int *nfds) {
    struct iovec iov = {.iov_base = data, .iov_len = len};
    union {
        char buf[CMSG_SPACE(8 * sizeof(int))];
        struct cmsghdr align;
    } control;
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control.buf;
    msg.msg_controllen = sizeof(control.buf);
    ssize_t n;
    do {
        n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
    } while (n < 0 && errno == EINTR);
    *nfds = 0;
    if (n < 0) return -1;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
        int count = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
        for (int i = 0; i < count; i++) {
            int fd;
            memcpy(&fd, CMSG_DATA(c) + (size_t)i * sizeof(int), sizeof(int));
            if (*nfds < maxfds) fds[(*nfds)++] = fd;
            else close(fd);
        }
    }
    return (long)n;
}
