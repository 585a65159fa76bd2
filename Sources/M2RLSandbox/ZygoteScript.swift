/// The Python side of the zygote (`PythonZygote`), written into the zygote's scratch folder and
/// run sandboxed under the python3 profile (with processes allowed for the zygote alone).
///
/// Protocol on descriptor 4, a SOCK_SEQPACKET socket (one message per send):
/// - parent → zygote: `RUN {json limits and argv}` with three descriptors: the test's stdin,
///   stdout and stderr;
/// - test child → parent: `CHILD` with one descriptor: a pidfd of the child;
/// - zygote → parent: `EXIT {json status and rusage}` once the child has been reaped.
///
/// The zygote has no parent-death signal (that follows the thread that started it); it ends
/// when the control socket closes, killing a running test first.
///
/// The child runs `t/main.py` as `__main__` with real descriptors 0, 1, 2, after applying the
/// test's rlimits; what it prints and how it exits match `python3 -S -I main.py`. The zygote's
/// filter is the python3 profile's: its own fork is let through by the parent (which sees the
/// caller's pid), a child's fork or exec is a violation, as in a fresh interpreter.
enum ZygoteScript {
    static let fileName = "zygote.py"

    static let source = #"""
import os, sys, socket, json, resource, gc, traceback, types, signal, atexit, select
# What solutions commonly import, loaded once so every test starts warm.
import math, collections, heapq, bisect, itertools, functools, operator, re, string, random
import decimal, fractions, array, copy, statistics, typing, dataclasses, io, time, datetime, enum

CONTROL = socket.socket(fileno=4)
LIMITS = {"cpu": resource.RLIMIT_CPU, "as": resource.RLIMIT_AS, "nofile": resource.RLIMIT_NOFILE,
          "fsize": resource.RLIMIT_FSIZE, "stack": resource.RLIMIT_STACK}

def child(params, fds):
    try:
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
        for fd in fds:
            os.close(fd)
        os.chdir("t")
        for name, (soft, hard) in params["limits"].items():
            resource.setrlimit(LIMITS[name], (soft, hard))
        pidfd = os.pidfd_open(os.getpid())
        socket.send_fds(CONTROL, [b"CHILD"], [pidfd])
        os.close(pidfd)
        CONTROL.close()
    except BaseException:
        traceback.print_exc()
        os._exit(126)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    sys.argv = ["main.py"] + params["args"]
    main = types.ModuleType("__main__")
    main.__file__ = "main.py"
    main.__builtins__ = __builtins__
    sys.modules["__main__"] = main
    code = 0
    try:
        with open("main.py", "rb") as f:
            source = f.read()
        exec(compile(source, "main.py", "exec"), main.__dict__)
    except SystemExit as e:
        if e.code is None:
            code = 0
        elif isinstance(e.code, int):
            code = e.code & 0xff
        else:
            print(e.code, file=sys.stderr)
            code = 1
    except BaseException:
        traceback.print_exc()
        code = 1
    # The interpreter's own shutdown order: wait for non-daemon threads, run atexit handlers.
    threading = sys.modules.get("threading")
    if threading is not None:
        try:
            threading._shutdown()
        except BaseException:
            traceback.print_exc()
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
    except BaseException:
        code = 120
    try:
        sys.stderr.flush()
    except BaseException:
        pass
    os._exit(code)

def serve():
    # As process 1 of its PID namespace the zygote ignores every signal a test child could send
    # it, as long as no handler is installed: drop Python's SIGINT handler.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    compile("pass", "<warm-up>", "exec")
    gc.collect()
    gc.freeze()
    while True:
        message, fds, _, _ = socket.recv_fds(CONTROL, 1 << 16, 3)
        if not message:
            return
        params = json.loads(message[4:])
        pid = os.fork()
        if pid == 0:
            child(params, fds)
        for fd in fds:
            os.close(fd)
        # Wait for the child, or for the parent to go away (its end of the control socket
        # closes): then the child is killed and the zygote ends, taking its namespace with it.
        pidfd = os.pidfd_open(pid)
        poller = select.poll()
        poller.register(pidfd, select.POLLIN)
        poller.register(CONTROL.fileno(), select.POLLIN)
        while True:
            ready = dict(poller.poll())
            if pidfd in ready:
                break
            if CONTROL.fileno() in ready:
                os.kill(pid, signal.SIGKILL)
                os._exit(0)
        os.close(pidfd)
        _, status, usage = os.wait4(pid, 0)
        CONTROL.sendmsg([b"EXIT " + json.dumps({
            "status": status, "utime": usage.ru_utime, "stime": usage.ru_stime, "maxrss": usage.ru_maxrss,
        }).encode()])

serve()
"""#
}
