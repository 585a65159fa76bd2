import ArgumentParser
import Foundation
import M2RLCore
import M2RLData

struct DatasetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dataset",
        abstract: "Read RL datasets from archives: inspect them, convert them to canonical problems, extract them safely.",
        discussion: """
            PATH is an archive in any format and compression libarchive reads (tar, zip, 7z, \
            cpio; gzip, zstd, xz, bzip2, ...), detected from its content, a bare compressed or \
            plain .jsonl/.json file, or a folder. Entries hold JSON Lines, or one JSON array.

            Adapters (--format; default auto, detected per record from its columns): \
            \(DatasetFormat.allCases.map(\.rawValue).joined(separator: ", ")); aliases \
            \(DatasetFormat.aliases.keys.sorted().joined(separator: ", ")).

            Exit status: 0 when every record was converted, 3 when some records were rejected, \
            1 when the dataset itself could not be read (or an extraction was refused), 2 for \
            bad usage.
            """,
        subcommands: [DatasetInspect.self, DatasetConvert.self, DatasetExtract.self]
    )
}

/// Options shared by the dataset commands.
struct DatasetOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Row layout: auto or an adapter name (see `m2rl dataset --help`).", valueName: "FORMAT"))
    var format: String = "auto"

    @Option(help: ArgumentHelp("Stop after this many expanded bytes (default 16 GiB).", valueName: "BYTES"))
    var maxBytes: Int64?

    @Option(help: ArgumentHelp("Stop after this many archive entries (default 100000).", valueName: "N"))
    var maxEntries: Int?

    @Option(help: ArgumentHelp("Stop when expanded ÷ compressed bytes exceeds this, after 64 MiB (default 200).", valueName: "RATIO"))
    var maxRatio: Double?

    @Option(help: ArgumentHelp("Reject records (lines) longer than this (default 64 MiB).", valueName: "BYTES"))
    var maxRecordBytes: Int?

    @Option(help: "Threads that parse and convert records (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if format != "auto" && DatasetFormat(name: format) == nil {
            throw ValidationError("--format '\(format)' is not known; use auto or one of \(DatasetFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let maxBytes, maxBytes <= 0 { throw ValidationError("--max-bytes must be positive") }
        if let maxEntries, maxEntries <= 0 { throw ValidationError("--max-entries must be positive") }
        if let maxRatio, maxRatio < 1 { throw ValidationError("--max-ratio must be at least 1") }
        if let maxRecordBytes, maxRecordBytes <= 0 { throw ValidationError("--max-record-bytes must be positive") }
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be 1...256") }
    }

    var limits: DatasetLimits {
        var limits = DatasetLimits()
        if let maxBytes { limits.maxTotalBytes = maxBytes }
        if let maxEntries { limits.maxEntries = maxEntries }
        if let maxRatio { limits.maxRatio = maxRatio }
        if let maxRecordBytes { limits.maxRecordBytes = maxRecordBytes }
        return limits
    }

    var dataset: Dataset {
        Dataset(format: format == "auto" ? nil : DatasetFormat(name: format), limits: limits, jobs: jobs)
    }
}

/// A progress line on standard error, when it is a terminal.
private func progressLine(_ label: String) -> ((Int) -> Void)? {
    guard isatty(2) == 1 else { return nil }
    let start = Date()
    return { records in
        let seconds = Date().timeIntervalSince(start)
        let rate = seconds > 0 ? Int(Double(records) / seconds) : 0
        FileHandle.standardError.write(Data("\r\(label): \(records) records, \(rate)/s ".utf8))
    }
}

private func endProgress() {
    if isatty(2) == 1 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
}

struct DatasetInspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Report a dataset's container, entries, record counts per domain and adapter, a sample, and its rejections.")

    @Argument(help: ArgumentHelp("The dataset.", valueName: "PATH"))
    var path: String

    @OptionGroup var options: DatasetOptions

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() throws {
        let report = DatasetInspection(path: path, dataset: options.dataset, progress: progressLine("inspect"))
        endProgress()
        print(json ? report.json.jsonText : report.text)
        if let failure = report.failure {
            FileHandle.standardError.write(Data("m2rl dataset inspect: \(failure)\n".utf8))
            throw ExitCode(1)
        }
        if report.counts.rejected > 0 { throw ExitCode(3) }
    }
}

struct DatasetConvert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a dataset to canonical Problem JSON Lines.",
        discussion: """
            OUT may end in .gz, .zst, .xz or .bz2 to compress; - writes to standard output. \
            Rejected records are listed on standard error with their location, then a summary.
            """)

    @Argument(help: ArgumentHelp("The dataset.", valueName: "PATH"))
    var path: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Where to write the problems.", valueName: "OUT"))
    var output: String

    @OptionGroup var options: DatasetOptions

    func run() throws {
        let writer: ProblemWriter
        do { writer = try ProblemWriter(path: output) } catch { throw fail(error) }
        var counts = DatasetCounts()
        let progress = progressLine("convert")
        var failure: Error?
        var seen = 0
        do {
            try options.dataset.read(path, counts: &counts) { record in
                switch record {
                case .problem(_, let problem, _): try writer.write(problem)
                case .rejected(let rejection): FileHandle.standardError.write(Data("m2rl dataset convert: \(rejection)\n".utf8))
                }
                seen += 1
                if seen % 65_536 == 0 { progress?(seen) }
            }
        } catch {
            failure = error
        }
        endProgress()
        do { try writer.close() } catch { failure = failure ?? error }
        FileHandle.standardError.write(Data("m2rl dataset convert: \(path): read \(counts.read), converted \(counts.converted), rejected \(counts.rejected)\n".utf8))
        if let failure { throw fail(failure) }
        if counts.rejected > 0 { throw ExitCode(3) }
    }
}

struct DatasetExtract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract an archive's entries into a folder, refusing unsafe paths, links, special files and bombs.",
        discussion: """
            Refused, with an error naming the entry (and nothing written outside DIR): absolute \
            paths and '..' (unsafe_path), symbolic links leaving DIR, hard links to anything not \
            extracted before, writes through a symbolic link (unsafe_link), devices, FIFOs and \
            sockets (special_file), and more bytes, entries or expansion than the limits \
            (too_large, too_many_entries, bomb). Permissions and owners are not restored.
            """)

    @Argument(help: ArgumentHelp("The archive.", valueName: "PATH"))
    var path: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The folder to extract into (created if missing).", valueName: "DIR"))
    var output: String

    @OptionGroup var options: DatasetOptions

    func run() throws {
        do {
            let summary = try DatasetExtractor(limits: options.limits).extract(path, to: output)
            FileHandle.standardError.write(Data(
                "m2rl dataset extract: \(path): \(summary.files) files, \(summary.directories) folders, \(summary.links) links, \(summary.bytes) bytes into \(output)\n".utf8))
        } catch {
            throw fail(error)
        }
    }
}
