/// The command line of `laer-bench`.
struct BenchOptions {
    var files = 10_000
    /// Where the answer files go; reused when already there.
    ///
    /// nil: a fresh temporary directory, removed after.
    var keep: String?
    /// The `laer` binary; nil: the one beside this executable.
    var laer: String?
    /// The Python peer script; nil: `Tests/Benchmarks/peer_score.py` of the package.
    var peer: String?
    /// Only write the answer files (for `peer_score.py --check`), measure nothing.
    var generateOnly = false
    var seed: UInt64 = 2026
    /// Timed runs per command; the median counts.
    var runs = 5

    static let usage = """
        usage: laer-bench [--files N] [--runs N] [--keep DIR] [--laer PATH] [--peer PATH] [--seed S] [--generate-only]

        Generates N synthetic laer-answers/1 files (default 10000, about 5 KB each) and measures,
        as the median of --runs timed runs after one warm-up run, the wall time (and peak RSS) of
          laer score DIR --format json > /dev/null
          laer trend DIR --format json > /dev/null
          laer diff DIR.halves/old DIR.halves/new --format json > /dev/null   (each half of the files, hard links)
          python3 Tests/Benchmarks/peer_score.py DIR > /dev/null
          find DIR -name '*.json' -exec cat {} + > /dev/null
        then checks the targets: Python / laer time >= 4, laer / cat time <= 2, trend and diff under
        2 × laer score, every laer peak RSS < 64 MB.

          --files N        how many answer files (default 10000)
          --runs N         timed runs per command, the median counts (default 5)
          --keep DIR       write the files to DIR and leave them there; a later run reuses them
          --laer PATH      the laer binary (default: the one beside laer-bench, .build/release/laer)
          --peer PATH      the Python peer (default: Tests/Benchmarks/peer_score.py of the package)
          --seed S         the generator's seed (default 2026)
          --generate-only  write the files (with --keep) and stop
        Build laer first: swift build -c release
        """

    enum ParseOutcome {
        case run(BenchOptions)
        case help
        case failure(String)
    }

    static func parse(_ arguments: [String]) -> ParseOutcome {
        var options = BenchOptions()
        var rest = arguments[...]
        func value(_ flag: String) -> String? {
            guard let next = rest.popFirst() else { return nil }
            return next
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "-h", "--help":
                return .help
            case "--files":
                guard let text = value(argument), let count = Int(text.replacingUnderscores()), count > 0 else {
                    return .failure("--files needs a positive whole number")
                }
                options.files = count
            case "--runs":
                guard let text = value(argument), let runs = Int(text), runs > 0 else {
                    return .failure("--runs needs a positive whole number")
                }
                options.runs = runs
            case "--keep":
                guard let path = value(argument), !path.isEmpty else { return .failure("--keep needs a directory") }
                options.keep = path
            case "--laer":
                guard let path = value(argument), !path.isEmpty else { return .failure("--laer needs the path of a laer binary") }
                options.laer = path
            case "--peer":
                guard let path = value(argument), !path.isEmpty else { return .failure("--peer needs the path of peer_score.py") }
                options.peer = path
            case "--seed":
                guard let text = value(argument), let seed = UInt64(text) else { return .failure("--seed needs a whole number") }
                options.seed = seed
            case "--generate-only":
                options.generateOnly = true
            default:
                return .failure("unknown argument '\(argument)'")
            }
        }
        if options.generateOnly, options.keep == nil {
            return .failure("--generate-only needs --keep DIR, or the files would be removed at once")
        }
        return .run(options)
    }
}

extension String {
    /// `100_000` as people write it in Swift.
    func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}
