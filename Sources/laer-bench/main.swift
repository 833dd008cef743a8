import Glibc

// `swift run -c release laer-bench [--files N] [--keep DIR] [--laer PATH]`: see Bench.swift.
exit(Bench.main(Array(CommandLine.arguments.dropFirst())))
