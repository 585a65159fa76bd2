import Foundation

/// The Python programs that run `call` and `assert` tests around a solution.
///
/// The solution is a separate file (`solution.py`), executed in its own namespace with
/// `__name__ == "solution"` (so its `if __name__ == "__main__":` block does not run, as when a
/// judge imports it). The harness reads a per-run nonce from the first line of stdin before the
/// solution runs, and prints it at the very end: a solution that exits early (`sys.exit(0)`,
/// `os._exit(0)`) never prints it and fails. Like every in-process harness, this cannot stop a
/// solution that inspects the harness's own frames; the sandbox still confines it.
enum PythonHarness {
    static let solutionFile = "solution.py"
    static let testFile = "m2rl_test.py"
    /// Prefix of the result line of a `call` test.
    static let resultPrefix = "\u{1e}m2rl-result "

    /// `call`: stdin is `NONCE\nJSON-ARGS`; argv[1] is the function name. Prints
    /// `\x1em2rl-result NONCE JSON` as its last line.
    static let call = """
        import json as _json, sys as _sys

        def _m2rl_plain(value):
            if isinstance(value, (set, frozenset)):
                return sorted(value, key=repr)
            if hasattr(value, "tolist"):
                return value.tolist()
            raise TypeError(f"result of type {type(value).__name__} is not JSON")

        def _m2rl_main():
            nonce = _sys.stdin.readline().strip()
            args = _json.loads(_sys.stdin.read())
            name = _sys.argv[1]
            with open("\(solutionFile)", encoding="utf-8") as f:
                source = f.read()
            namespace = {"__name__": "solution", "__builtins__": __builtins__}
            exec(compile(source, "\(solutionFile)", "exec"), namespace)
            target = namespace.get(name)
            if target is None and isinstance(namespace.get("Solution"), type):
                target = getattr(namespace["Solution"](), name, None)
            if target is None:
                raise NameError(f"no function or Solution method named {name!r}")
            if not isinstance(args, list):
                args = [args]
            result = target(*args)
            text = _json.dumps(result, default=_m2rl_plain)
            _sys.stdout.flush()
            _sys.stdout.write("\\n\(resultPrefix)" + nonce + " " + text + "\\n")
            _sys.stdout.flush()

        _m2rl_main()

        """

    /// `assert`: the solution, then the test code, then `check(ENTRY)` when an entry point is
    /// given, in one namespace; stdin is `NONCE\n`. Prints the nonce as its last line.
    static func assertRunner(entryPoint: String?) -> String {
        let check = entryPoint.map { "    if \"check\" in namespace:\n        namespace[\"check\"](namespace[\($0.pythonLiteral)])\n" } ?? ""
        return """
            import sys as _sys

            def _m2rl_main():
                nonce = _sys.stdin.readline().strip()
                namespace = {"__name__": "__main__", "__builtins__": __builtins__}
                for path in ("\(solutionFile)", "\(testFile)"):
                    with open(path, encoding="utf-8") as f:
                        source = f.read()
                    exec(compile(source, path, "exec"), namespace)
            \(check)    _sys.stdout.flush()
                _sys.stdout.write("\\n\(resultPrefix)" + nonce + "\\n")
                _sys.stdout.flush()

            _m2rl_main()

            """
    }
}

extension String {
    /// A Python string literal for this text.
    var pythonLiteral: String {
        var out = "\""
        for scalar in unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default:
                if scalar.value < 0x20 { out += String(format: "\\x%02x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
